"""Words of the synthetic corpus, per language, most frequent first.

Each list starts with a few function words (they make sentences look like
sentences and exercise the stop-word handling of the language analyzers),
then polar-research vocabulary. Rank in the list drives a Zipf-like
frequency in corpus.py. The big languages get a few hundred words, the
smaller ones fewer, as their real content would.
"""

FUNCTION_WORDS = {
    "en": "the of and to in a for on is with by from at as be are this that or not",
    "fr": "le la les de des du et en un une pour sur dans est avec par au aux ce qui",
    "de": "der die das und in zu den von mit für auf ist im dem des ein eine bei nicht",
    "nb": "og i på til av for med er det som en et den de om ved fra ikke har",
    "sv": "och i på till av för med är det som en ett den de om vid från inte har",
    "fi": "ja on ei se että tai kun mutta myös jos sekä kuin niin oli ovat",
    "da": "og i på til af for med er det som en et den de om ved fra ikke har",
    "is": "og í á að til af fyrir með er sem um við frá ekki hefur",
    "kl": "aamma imaluunniit taamaattoq aammalu",
    "se": "ja ii lea dat go maiddái dahje muhto",
    "iu": "ᐊᒻᒪ ᐅᕝᕙᓘᓐᓃᑦ",
}

CONTENT_WORDS = {
    "en": """
ice sea fieldwork safety research station data snow arctic antarctic permafrost
glacier expedition team equipment weather ship camp sampling monitoring community
project climate measurement measurements training ocean polar bear risk plan planning
logistics fuel waste helicopter aircraft drone season winter summer temperature
thickness cores coring sensor sensors satellite validation model models observation
observations network infrastructure access permit permits environmental impact
assessment indigenous knowledge local partners consent ethics communication radio
satellite-phone emergency rescue evacuation medical first aid hypothermia frostbite
clothing layers boots tent stove shelter sledge snowmobile skidoo boat zodiac
icebreaker vessel cruise cargo sling load pilot landing runway airstrip weather-window
forecast visibility whiteout wind storm blizzard cold darkness daylight midnight sun
tide crack lead ridge floe pack fast multiyear first-year melt pond freeze-up breakup
thaw active layer borehole temperature-profile ground frozen soil carbon methane
emissions vegetation tundra reindeer caribou seal walrus whale fish char cod krill
penguin seabird birds wildlife encounter deterrent flare rifle guard watch perimeter
fence alarm tripwire training-course instructor mentor students early-career career
researchers technicians engineers manager coordinator funding grant proposal budget
report reports dataset datasets metadata repository archive identifier doi licence
reuse findable accessible interoperable reusable fair legacy handover custodian
software code instrument calibration drift maintenance spare parts battery power
solar generator energy heating diesel emissions-reduction footprint spill kit
containment storage drum pump transfer refuelling waste-removal recycling sewage
water sampling-bottle ctd mooring buoy float glider profiler radar lidar altimetry
imagery mapping map gps gnss survey transect plot site sites coast coastline fjord
bay island archipelago shelf basin ridge-line slope valley mountain plateau ice-sheet
ice-cap outlet calving iceberg meltwater runoff river lake lagoon delta erosion
sediment core-sample laboratory analysis quality control protocol checklist
guideline guidelines best practice lesson lessons learned recommendation
recommendations workshop meeting stakeholders policy brief decision makers
services co-design co-production dialogue trust respect language languages
translation youth elders hunters herders fishers municipality settlement village
school health wellbeing food security travel route routes trail navigation compass
schedule delay delays contingency budget-overrun insurance contract customs
shipping container freight import export sample-export regulations authority
authorities treaty protocol-annex inspection compliance
""",
    "fr": """
glace mer terrain sécurité recherche station données neige arctique antarctique
pergélisol glacier expédition équipe équipement météo navire camp échantillonnage
surveillance communauté projet climat mesure mesures formation océan polaire ours
risque plan planification logistique carburant déchets hélicoptère avion drone
saison hiver été température épaisseur carottes carottage capteur capteurs satellite
validation modèle modèles observation observations réseau infrastructure accès permis
environnement impact évaluation autochtones savoirs locaux partenaires consentement
éthique communication radio urgence sauvetage évacuation médical secours hypothermie
gelures vêtements couches bottes tente réchaud abri traîneau motoneige bateau
brise-glace navire-océanographique croisière cargaison pilote atterrissage piste
prévisions visibilité vent tempête blizzard froid obscurité lumière soleil marée
fissure chenal crête banquise glace-de-mer fonte gel dégel couche active forage sol
gelé carbone méthane émissions végétation toundra renne caribou phoque morse baleine
poisson manchot oiseaux faune rencontre dissuasion fusée fusil garde veille clôture
alarme stage instructeur mentor étudiants jeunes chercheurs carrière techniciens
ingénieurs financement subvention proposition budget rapport jeu-de-données
métadonnées dépôt archive identifiant licence réutilisation héritage transmission
logiciel instrument étalonnage maintenance pièces batterie énergie solaire
générateur chauffage gazole empreinte déversement stockage fût pompe transfert
recyclage eau bouteille mouillage bouée flotteur planeur radar imagerie
cartographie carte relevé transect site sites côte fjord baie île archipel plateau
bassin pente vallée montagne calotte vêlage iceberg eau-de-fonte rivière lac delta
érosion sédiment laboratoire analyse contrôle qualité protocole liste guide guides
bonnes pratiques leçon leçons retour-d'expérience recommandation recommandations
atelier réunion acteurs politique note décideurs services co-conception dialogue
confiance respect langue langues traduction jeunesse aînés chasseurs éleveurs
pêcheurs commune village école santé alimentation voyage itinéraire navigation
calendrier retard imprévus assurance contrat douane expédition-de-fret
réglementation autorités traité inspection conformité
""",
    "de": """
Eis Meer Feldarbeit Sicherheit Forschung Station Daten Schnee Arktis Antarktis
Permafrost Gletscher Expedition Team Ausrüstung Wetter Schiff Lager Probenahme
Überwachung Gemeinschaft Projekt Klima Messung Messungen Ausbildung Ozean polar
Eisbär Risiko Plan Planung Logistik Treibstoff Abfall Hubschrauber Flugzeug Drohne
Saison Winter Sommer Temperatur Eisdicke Bohrkerne Kernbohrung Sensor Sensoren
Satellit Validierung Modell Modelle Beobachtung Beobachtungen Netzwerk Infrastruktur
Zugang Genehmigung Genehmigungen Umwelt Auswirkungen Bewertung indigene Wissen lokale
Partner Zustimmung Ethik Kommunikation Funk Notfall Rettung Evakuierung medizinisch
Hilfe Unterkühlung Erfrierungen Kleidung Schichten Stiefel Zelt Kocher Schutzhütte
Schlitten Schneemobil Boot Eisbrecher Forschungsschiff Fahrt Fracht Pilot Landung
Landebahn Vorhersage Sicht Wind Sturm Schneesturm Kälte Dunkelheit Tageslicht Sonne
Gezeiten Riss Rinne Presseisrücken Scholle Packeis Festeis Schmelze Gefrieren
Auftauen Auftauschicht Bohrloch Boden gefroren Kohlenstoff Methan Emissionen
Vegetation Tundra Rentier Karibu Robbe Walross Wal Fisch Pinguin Seevögel Vögel
Wildtiere Begegnung Abschreckung Leuchtpistole Gewehr Wache Zaun Alarm Kurs
Ausbilder Mentor Studierende Nachwuchs Forschende Karriere Techniker Ingenieure
Förderung Antrag Budget Bericht Berichte Datensatz Datensätze Metadaten Archiv
Kennung Lizenz Nachnutzung Vermächtnis Übergabe Software Instrument Kalibrierung
Wartung Ersatzteile Batterie Energie Solar Generator Heizung Diesel Fußabdruck
Leck Lagerung Fass Pumpe Betankung Recycling Wasser Verankerung Boje Gleiter Radar
Fernerkundung Kartierung Karte Vermessung Standort Küste Fjord Bucht Insel Schelf
Becken Hang Tal Berg Eisschild Eiskappe Kalbung Eisberg Schmelzwasser Fluss See
Erosion Sediment Labor Analyse Qualitätskontrolle Protokoll Checkliste Leitfaden
Leitfäden bewährte Praxis Lektion Lektionen Erfahrungen Empfehlung Empfehlungen
Workshop Treffen Akteure Politik Entscheidungsträger Dienste Dialog Vertrauen
Sprache Sprachen Übersetzung Jugend Ältere Jäger Hirten Fischer Gemeinde Dorf Schule
Gesundheit Ernährung Reise Route Navigation Zeitplan Verzögerung Versicherung
Vertrag Zoll Versand Vorschriften Behörden Vertrag Inspektion
""",
    "nb": """
is hav feltarbeid sikkerhet forskning stasjon data snø arktis antarktis permafrost
isbre ekspedisjon team utstyr vær skip leir prøvetaking overvåking samfunn prosjekt
klima måling målinger opplæring polar isbjørn isbjørnen risiko plan planlegging
logistikk drivstoff avfall helikopter fly drone sesong vinter sommer temperatur
istykkelse iskjerner kjerneboring sensor sensorer satellitt validering modell
observasjoner nettverk infrastruktur tilgang tillatelse miljø konsekvens vurdering
urfolk kunnskap lokale partnere samtykke etikk kommunikasjon radio nødsituasjon
redning evakuering førstehjelp hypotermi frostskader klær lag støvler telt primus
sleder snøscooter båt isbryter forskningsfartøy tokt last pilot landing rullebane
værvarsel sikt vind storm kulde mørketid midnattssol tidevann sprekk råk skrugard
isflak pakkis fastis smelting frysing tining aktivt lag borehull bakke frossen karbon
metan utslipp vegetasjon tundra rein reinsdyr sel hvalross hval fisk røye torsk
pingvin sjøfugl fugler dyreliv møte skremmemiddel signalpistol rifle vakt gjerde
alarm kurs instruktør mentor studenter unge forskere karriere teknikere ingeniører
finansiering søknad budsjett rapport datasett metadata arkiv identifikator lisens
gjenbruk arv overlevering programvare instrument kalibrering vedlikehold
reservedeler batteri energi solcelle aggregat oppvarming diesel fotavtrykk søl
lagring fat pumpe tanking gjenvinning vann forankring bøye glider radar
fjernmåling kartlegging kart oppmåling stasjonsområde kyst fjord bukt øy øygruppe
sokkel basseng skråning dal fjell innlandsis iskappe kalving isfjell smeltevann elv
innsjø erosjon sediment laboratorium analyse kvalitetskontroll protokoll sjekkliste
veileder beste praksis erfaring erfaringer anbefaling anbefalinger verksted møte
aktører politikk beslutningstakere tjenester dialog tillit språk oversettelse ungdom
eldre jegere reindriftsutøvere fiskere kommune bygd skole helse mat reise rute
navigasjon tidsplan forsinkelse forsikring kontrakt toll frakt regelverk
myndigheter traktat inspeksjon
""",
    "sv": """
is hav fältarbete säkerhet forskning station data snö arktis antarktis permafrost
glaciär expedition team utrustning väder fartyg läger provtagning övervakning
samhälle projekt klimat mätning mätningar utbildning polar isbjörn risk plan
planering logistik bränsle avfall helikopter flygplan drönare säsong vinter sommar
temperatur istjocklek iskärnor borrning sensor sensorer satellit validering modell
observationer nätverk infrastruktur tillgång tillstånd miljö påverkan bedömning
urfolk kunskap lokala partner samtycke etik kommunikation radio nödläge räddning
evakuering första hjälpen nedkylning köldskador kläder lager kängor tält kök skydd
släde snöskoter båt isbrytare forskningsfartyg expeditionsresa last pilot landning
landningsbana prognos sikt vind storm kyla mörker dagsljus midnattssol tidvatten
spricka råk ismassa isflak packis fast is smältning frysning tining aktiva lagret
borrhål mark frusen kol metan utsläpp vegetation tundra ren sälar säl valross val
fisk röding torsk pingvin sjöfåglar fåglar djurliv möte avskräckning nödraket gevär
vakt staket larm kurs instruktör mentor studenter unga forskare karriär tekniker
ingenjörer finansiering ansökan budget rapport datamängd metadata arkiv
identifierare licens återanvändning arv överlämning programvara instrument
kalibrering underhåll reservdelar batteri energi solpanel generator uppvärmning
diesel fotavtryck spill lagring fat pump tankning återvinning vatten förankring boj
radar fjärranalys kartläggning karta kartering kust fjord vik ö skärgård sluttning
dal fjäll inlandsis iskalott kalvning isberg smältvatten älv sjö erosion sediment
laboratorium analys kvalitetskontroll protokoll checklista vägledning bästa praxis
lärdom lärdomar erfarenheter rekommendation rekommendationer workshop möte aktörer
politik beslutsfattare tjänster dialog förtroende språk översättning ungdomar äldre
jägare renskötare fiskare kommun by skola hälsa mat resa rutt navigering tidsplan
försening försäkring avtal tull frakt regler myndigheter fördrag inspektion
""",
    "fi": """
jää meri kenttätyö turvallisuus tutkimus asema aineisto lumi arktinen antarktis
ikirouta jäätikkö retkikunta ryhmä varusteet sää alus leiri näytteenotto seuranta
yhteisö hanke ilmasto mittaus mittaukset koulutus valtameri napa-alue jääkarhu riski
suunnitelma suunnittelu logistiikka polttoaine jäte helikopteri lentokone drooni
kausi talvi kesä lämpötila jään paksuus jääkairaus anturi anturit satelliitti
validointi malli havainnot verkosto infrastruktuuri pääsy lupa ympäristö vaikutus
arviointi alkuperäiskansat tieto paikalliset kumppanit suostumus etiikka viestintä
radio hätätilanne pelastus evakuointi ensiapu hypotermia paleltuma vaatetus kerrokset
saappaat teltta keitin suoja reki moottorikelkka vene jäänmurtaja tutkimusalus
rahti lentäjä laskeutuminen kiitotie ennuste näkyvyys tuuli myrsky pakkanen kaamos
keskiyön aurinko vuorovesi railo ahtojää jäälautta ahtojäävalli kiintojää sulaminen
jäätyminen sulaminen aktiivinen kerros porareikä maaperä hiili metaani päästöt
kasvillisuus tundra poro hylje mursu valas kala nieriä turska pingviini merilinnut
linnut eläimistö kohtaaminen karkotin hätäraketti kivääri vartio aita hälytin kurssi
kouluttaja mentori opiskelijat nuoret tutkijat ura teknikot insinöörit rahoitus
hakemus budjetti raportti tietoaineisto metatiedot arkisto tunniste lisenssi
uudelleenkäyttö perintö luovutus ohjelmisto instrumentti kalibrointi huolto
varaosat akku energia aurinkopaneeli aggregaatti lämmitys diesel jalanjälki vuoto
varastointi tynnyri pumppu tankkaus kierrätys vesi poiju kaukokartoitus kartoitus
kartta ranta vuono lahti saari saaristo rinne laakso tunturi mannerjäätikkö jäävuori
sulamisvesi joki järvi eroosio sedimentti laboratorio analyysi laadunvalvonta
protokolla tarkistuslista opas hyvät käytännöt oppi opit kokemukset suositus
suositukset työpaja kokous sidosryhmät politiikka päättäjät palvelut vuoropuhelu
luottamus kieli käännös nuoriso vanhimmat metsästäjät poronhoitajat kalastajat
kunta kylä koulu terveys ruoka matka reitti navigointi aikataulu viivästys vakuutus
sopimus tulli kuljetus määräykset viranomaiset tarkastus
""",
    "da": """
is hav feltarbejde sikkerhed forskning station data sne arktis antarktis permafrost
gletsjer ekspedition hold udstyr vejr skib lejr prøvetagning overvågning samfund
projekt klima måling målinger uddannelse polar isbjørn risiko plan planlægning
logistik brændstof affald helikopter fly drone sæson vinter sommer temperatur
istykkelse iskerner kerneboring sensor sensorer satellit validering model
observationer netværk infrastruktur adgang tilladelse miljø påvirkning vurdering
oprindelige folk viden lokale partnere samtykke etik kommunikation radio nødsituation
redning evakuering førstehjælp hypotermi forfrysninger tøj lag støvler telt kogeapparat
ly slæde snescooter båd isbryder forskningsskib togt last pilot landing landingsbane
vejrudsigt sigtbarhed vind storm kulde mørke dagslys midnatssol tidevand revne råk
isflage pakis fastis smeltning frysning optøning aktive lag borehul jord frossen
kulstof metan udledning vegetation tundra rensdyr sæl hvalros hval fisk fjeldørred
torsk pingvin havfugle fugle dyreliv møde afskrækkelse nødblus gevær vagt hegn alarm
kursus instruktør mentor studerende unge forskere karriere teknikere ingeniører
finansiering ansøgning budget rapport datasæt metadata arkiv identifikator licens
genbrug arv overdragelse software instrument kalibrering vedligeholdelse reservedele
batteri energi solcelle generator opvarmning diesel fodaftryk spild opbevaring tønde
pumpe tankning genanvendelse vand fortøjning bøje radar fjernmåling kortlægning kort
opmåling kyst fjord bugt ø øgruppe sokkel skråning dal fjeld indlandsis iskappe
kælvning isbjerg smeltevand elv sø erosion sediment laboratorium analyse
kvalitetskontrol protokol tjekliste vejledning bedste praksis erfaring erfaringer
anbefaling anbefalinger workshop møde aktører politik beslutningstagere tjenester
dialog tillid sprog oversættelse unge ældre fangere fiskere kommune bygd skole
sundhed mad rejse rute navigation tidsplan forsinkelse forsikring kontrakt told
fragt regler myndigheder traktat inspektion
""",
    "is": """
ís hafís jökull snjór veður vetur sumar rannsókn rannsóknir vísindamaður haf sjór
land eldfjall loftslag breytingar öryggi leiðangur skip flugvél þyrla stöð gögn
mæling mælingar bráðnun sífreri ísbjörn selur hvalur fiskur fugl fuglar náttúra
umhverfi samfélag sveitarfélag fólk þekking reynsla leiðbeiningar áætlun búnaður
eldsneyti úrgangur leyfi reglur heilsa kuldi frost vindur stormur norðurslóðir
suðurskautslandið gervitungl líkan athuganir net innviðir þjálfun námskeið nemendur
ungir vísindamenn ferill fjármögnun styrkur skýrsla gagnasafn lýsigögn skjalasafn
auðkenni leyfisskilmálar endurnýting arfleifð hugbúnaður mælitæki kvörðun viðhald
rafhlaða orka sólarorka rafstöð upphitun olía kolefni metan losun gróður túndra
hreindýr rostungur fjörður flói eyja strönd dalur fjall jökulsá á vatn rof set
rannsóknarstofa greining gæðaeftirlit gátlisti góð starfsvenja lærdómur ráðlegging
ráðleggingar vinnustofa fundur stefnumótun ákvarðanir þjónusta samtal traust
tungumál þýðing ungmenni öldungar veiðimenn sjómenn þorp skóli matur ferð leið
siglingar tímaáætlun töf trygging samningur tollur flutningur yfirvöld eftirlit
björgun neyðartilvik skyndihjálp ofkæling kal fatnaður tjald sleði vélsleði bátur
""",
    "kl": """
siku sila imaq nuna nanoq qimmeq puisi aalisarneq piniarneq ukioq aasaq sermeq
sermersuaq illoqarfik nunaqarfik kalaallit inuit ilisimatusarneq ilisimatusartoq
misissuineq avatangiisit silap pissusaa qajaq umiaq timmisartoq umiarsuaq
ilinniarfik peqqissuseq isumannaallisaaneq ilisimasat ilisimasaqarneq ataqatigiinneq
suleqatigiinneq pilersaarut paasissutissat uuttortaaneq aput aputaarneq nillerneq
anorersuaq kiak seqineq tarraq qaammat tuttu aavereq arfeq eqalugaq saarullik
timmiaq timmiat nunarsuaq kangerluk qeqertaq sineriak qaqqaq kuuk tasersuaq
inuiaqatigiit kommuni meeqqat inersimasut utoqqaat piniartut aalisartut nerisassat
angalaneq aqqusineq ikiuineq annaassineq nakorsaq oqaatsit nutserineq
""",
    "se": """
jiekŋa muohta dálki dálvi geassi boazu guolli jávri johka duottar meahcci čáhci eana
mearra sápmi sámit dutkan dutki árbediehtu siida boazodoallu guolásteapmi dálkkádat
rievdan birasgáhtten oahpahus giella gielda álbmot eatnamat bálggis várri čuovga
beaivi mánnu dálkeeanadat biegga borga čoaskkis galmmas suoládat doaimmat ovttasbargu
oahppu dieđut mihtideapmi dihtorprográmma dokumenta raporta jođiheaddji nuorat
boarrásat boazoeaiggát guolásteaddji skuvla dearvvašvuohta biebmu mátki johtolat
várjalus heahte gádjun sámediggi searvi ovddasvástádus lohpi dohkkeheapmi etihkka
ollisvuohta máhttu máttaráhkku sámegiella jorgaleapmi gullevašvuohta luondu
""",
    "iu": """
ᓯᑯ ᓇᓄᖅ ᐃᓄᒃ ᐃᓄᐃᑦ ᓄᓇ ᐃᒡᓗ ᐊᐅᔭᖅ ᐅᑭᐅᖅ ᓯᓚ ᑕᕆᐅᖅ ᐃᖃᓗᒃ ᓇᑦᑎᖅ ᐊᕐᕕᖅ ᑐᒃᑐ ᖃᒧᑎᒃ
ᕿᒻᒥᖅ ᐊᐱ ᐃᓄᒃᑎᑐᑦ ᓄᓇᕗᑦ ᐃᓕᓐᓂᐊᖅᑐᑦ ᐃᓕᓐᓂᐊᕐᕕᒃ ᖃᐅᔨᓴᖅᑐᖅ ᖃᐅᔨᓴᕐᓂᖅ ᐃᓕᑦᑎᓯᒪᓂᖅ
ᐱᓕᕆᐊᖑᔪᖅ ᐊᖑᓇᓱᒃᑎ ᐃᖃᓗᓕᐅᖅᑎ ᓯᓚᐅᑉ ᐊᓯᔾᔨᕐᓂᖓ ᐊᕙᑎ ᐊᓯᔾᔨᕐᓂᖅ ᐃᓅᓯᖅ ᐋᓐᓂᐊᖃᕐᓇᙱᑦᑐᓕᕆᓂᖅ
ᓂᕿ ᐃᓚᒌᑦ ᐃᓐᓇᐃᑦ ᓄᑕᖅᑲᑦ ᒪᓕᒐᐃᑦ ᑲᒪᔨ ᑎᒥᖓ ᐅᒥᐊᖅ ᖃᔭᖅ ᑎᖕᒥᓲᖅ ᐅᒥᐊᕐᔪᐊᖅ ᓯᕿᓐᓂᖅ
ᑕᖅᑭᖅ ᐊᓄᕆ ᐊᐳᑎ ᖁᓪᓕᖅ ᐃᓕᓐᓂᐊᖅᑏᑦ ᑲᑐᔾᔨᖃᑎᒌᑦ ᐱᔭᕆᐊᑐᖃᖅ ᑐᑭᓯᒋᐊᕐᕕᒃ
""",
}

# Topic hierarchy: (key, parent key, English name). Names in the other languages
# are made of that language's own words (see fixtures.py).
TOPICS = [
    ("fieldwork-safety", None, "Fieldwork & safety"),
    ("sea-ice-operations", "fieldwork-safety", "Sea-ice operations"),
    ("ice-thickness", "sea-ice-operations", "Measuring ice thickness"),
    ("glacier-travel", "fieldwork-safety", "Glacier travel"),
    ("crevasse-rescue", "glacier-travel", "Crevasse rescue"),
    ("wildlife-safety", "fieldwork-safety", "Wildlife safety"),
    ("polar-bear-safety", "wildlife-safety", "Polar bear safety"),
    ("cold-weather-medicine", "fieldwork-safety", "Cold-weather first aid"),
    ("field-communications", "fieldwork-safety", "Field communications"),
    ("logistics", None, "Logistics & infrastructure"),
    ("ship-time", "logistics", "Ship time & icebreakers"),
    ("aviation", "logistics", "Aviation & helicopter operations"),
    ("station-operations", "logistics", "Station operations & energy"),
    ("renewable-energy", "station-operations", "Renewable energy at stations"),
    ("cargo-customs", "logistics", "Cargo, customs & sample export"),
    ("environmental-stewardship", None, "Environmental stewardship"),
    ("fuel-waste", "environmental-stewardship", "Fuel & waste handling"),
    ("permits-regulation", "environmental-stewardship", "Permits & regulation"),
    ("footprint", "environmental-stewardship", "Research footprint"),
    ("data-legacy", None, "Data & legacy"),
    ("fair-metadata", "data-legacy", "FAIR data & metadata"),
    ("data-rescue", "data-legacy", "Data rescue & archiving"),
    ("legacy-planning", "data-legacy", "Legacy planning"),
    ("research-software", "data-legacy", "Research software"),
    ("observing-systems", None, "Observing systems & monitoring"),
    ("long-term-monitoring", "observing-systems", "Long-term monitoring"),
    ("remote-sensing", "observing-systems", "Remote sensing & validation"),
    ("uav-operations", "observing-systems", "Drones & UAVs"),
    ("moorings-buoys", "observing-systems", "Moorings & buoys"),
    ("cryosphere", None, "Permafrost & cryosphere"),
    ("permafrost", "cryosphere", "Permafrost"),
    ("active-layer", "permafrost", "Active-layer monitoring"),
    ("glaciers-ice-sheets", "cryosphere", "Glaciers & ice sheets"),
    ("ice-cores", "glaciers-ice-sheets", "Ice cores"),
    ("sea-ice-science", "cryosphere", "Sea-ice science"),
    ("snow-science", "cryosphere", "Snow science"),
    ("ocean-atmosphere", None, "Ocean & atmosphere"),
    ("ocean-circulation", "ocean-atmosphere", "Ocean circulation"),
    ("atmospheric-measurements", "ocean-atmosphere", "Atmospheric measurements"),
    ("weather-forecasting", "ocean-atmosphere", "Polar weather forecasting"),
    ("ecosystems", None, "Ecosystems & biodiversity"),
    ("marine-ecosystems", "ecosystems", "Marine ecosystems"),
    ("terrestrial-ecosystems", "ecosystems", "Terrestrial ecosystems"),
    ("seabirds-mammals", "ecosystems", "Seabirds & marine mammals"),
    ("communities-knowledge", None, "Communities & knowledge systems"),
    ("indigenous-knowledge", "communities-knowledge", "Indigenous knowledge & co-production"),
    ("fpic-ethics", "communities-knowledge", "Consent & research ethics"),
    ("community-engagement", "communities-knowledge", "Community engagement"),
    ("language-translation", "communities-knowledge", "Language & translation"),
    ("science-policy", None, "Science–policy interface"),
    ("policy-briefs", "science-policy", "Policy briefs"),
    ("stakeholder-dialogue", "science-policy", "Stakeholder dialogue"),
    ("training-careers", None, "Training & careers"),
    ("early-career", "training-careers", "Early-career researchers"),
    ("field-training", "training-careers", "Field training courses"),
    ("project-management", None, "Project management"),
    ("consortium-agreements", "project-management", "Consortium agreements"),
    ("reporting", "project-management", "Reporting & deliverables"),
]

REGIONS = [
    ("arctic", None, "Arctic"),
    ("svalbard", "arctic", "Svalbard"),
    ("greenland", "arctic", "Greenland"),
    ("east-greenland", "greenland", "East Greenland"),
    ("west-greenland", "greenland", "West Greenland"),
    ("sapmi", "arctic", "Sápmi"),
    ("barents-sea", "arctic", "Barents Sea"),
    ("central-arctic-ocean", "arctic", "Central Arctic Ocean"),
    ("canadian-arctic", "arctic", "Canadian Arctic"),
    ("nunavut", "canadian-arctic", "Nunavut"),
    ("alaska", "arctic", "Alaska"),
    ("siberia", "arctic", "Siberia"),
    ("iceland", "arctic", "Iceland"),
    ("fram-strait", "arctic", "Fram Strait"),
    ("antarctic", None, "Antarctic"),
    ("southern-ocean", "antarctic", "Southern Ocean"),
    ("weddell-sea", "southern-ocean", "Weddell Sea"),
    ("ross-sea", "southern-ocean", "Ross Sea"),
    ("antarctic-peninsula", "antarctic", "Antarctic Peninsula"),
    ("east-antarctica", "antarctic", "East Antarctica"),
    ("west-antarctica", "antarctic", "West Antarctica"),
    ("sub-antarctic-islands", "antarctic", "Sub-Antarctic islands"),
    ("high-mountains", None, "High mountains (third pole)"),
    ("alps", "high-mountains", "Alps"),
]

# Syllables member acronyms and names are made of (EU projects love acronyms).
ACRONYM_PARTS = (
    "ARC POL ICE NORD CRYO FROST SNOW SEA OCEAN CLIM DATA NET OBS SAT BIO EKO INTAROS "
    "PASS GREEN BLUE AURORA FRAM NANSEN POLE TUN PERMA GLAC MELT LINK HUB FUTURE CHANGE"
).split()
MEMBER_NAME_WORDS = (
    "Arctic Polar Antarctic Ocean Ice Permafrost Observing Network Climate Research "
    "Infrastructure Community Data Services Future Resilience Change Integrated Sustainable "
    "Coastal Marine Terrestrial System Knowledge Action Alliance Initiative Programme"
).split()
