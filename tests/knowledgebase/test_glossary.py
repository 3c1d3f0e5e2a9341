"""Readers browse the glossary at /<lang>/glossary/: every term with its names in
all languages, the definition in their language and honest notes and badges."""

import html as html_text
import re

from django.test import TestCase

from wagtail_localize.models import TranslationSource

from knowledgebase.models import GlossaryTerm
from localization.glossary import collation_key, first_letter
from localization.models import ProvenanceMethod
from localization.provenance import provenance_for, provenances_for, record_provenance
from tests import factories as f
from tests.conftest import build_tree
from tests.localization.helpers import localize, translated

FRENCH = {
    "sea ice": "glace de mer",
    "marine ice": "banquise",
    "Ice formed by freezing seawater.": "Glace formée par le gel de l’eau de mer.",
    "polar bear": "ours polaire",
}
KALAALLISUT = {"sea ice": "siku", "polar bear": "nanoq"}


def term_ids(html):
    """The terms in the order the page lists them."""
    return re.findall(r'<div class="glossary-term" id="([^"]+)">', html)


def term_html(html, key):
    start = html.index(f'<div class="glossary-term" id="{key}">')
    return html[start : html.index("</div>", start)]


class GlossaryPageTests(TestCase):
    """English source terms; French by a person (sea ice fully, polar bear without its
    synonyms and definition); Kalaallisut labels by a machine; crevasse only in English."""

    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        localize(tree.home, "fr")
        localize(tree.home, "kl", machine=True)
        cls.sea_ice = f.GlossaryTermFactory(
            key="sea-ice",
            label="sea ice",
            synonyms="marine ice",
            definition="Ice formed by freezing seawater.",
        )
        cls.polar_bear = f.GlossaryTermFactory(
            key="polar-bear",
            label="polar bear",
            synonyms="ice bear\nUrsus maritimus",
            definition="The bear of the Arctic sea ice.",
        )
        f.GlossaryTermFactory(key="crevasse", label="crevasse", definition="A crack in a glacier.")
        cls.translations = [
            localize(term, code, translator=texts.get, machine=code == "kl")
            for term in (cls.sea_ice, cls.polar_bear)
            for code, texts in (("fr", FRENCH), ("kl", KALAALLISUT))
        ]
        f.LocaleFactory(language_code="de")  # a language whose site is not published

    def page(self, language_code):
        response = self.client.get(f"/{language_code}/glossary/")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_english_page_names_every_term_in_every_language_with_its_lang(self):
        html = self.page("en")
        self.assertIn('<html lang="en"', html)
        sea_ice = term_html(html, "sea-ice")
        self.assertIn('<dt lang="en">sea ice</dt>', sea_ice)
        for snippet in (
            '<dt lang="en">English</dt><dd><b lang="en">sea ice</b>, '
            '<span lang="en">marine ice</span></dd>',
            '<dt lang="fr">Français</dt><dd><b lang="fr">glace de mer</b>, '
            '<span lang="fr">banquise</span></dd>',
            '<dt lang="kl">Kalaallisut</dt><dd><b lang="kl">siku</b>',
            '<p lang="en">Ice formed by freezing seawater.</p>',
        ):
            self.assertIn(snippet, sea_ice)
        self.assertIn('<b lang="kl">nanoq</b>', term_html(html, "polar-bear"))
        self.assertIn('<b lang="en">crevasse</b>', term_html(html, "crevasse"))
        self.assertNotIn("not translated", html)
        self.assertNotIn("<script", html)

    def test_kalaallisut_page_uses_kalaallisut_labels_and_says_what_is_not_translated(self):
        html = self.page("kl")
        self.assertIn('<html lang="kl"', html)
        sea_ice = term_html(html, "sea-ice")
        self.assertIn('<dt lang="kl">siku</dt>', sea_ice)
        self.assertIn('<dt lang="kl">nanoq</dt>', term_html(html, "polar-bear"))
        self.assertIn('<dt lang="en">crevasse</dt>', term_html(html, "crevasse"))
        # The definition exists only in English: shown in English, and said so.
        self.assertIn('<p lang="en">Ice formed by freezing seawater.</p>', sea_ice)
        self.assertIn("not translated into Kalaallisut yet; it is shown in English", sea_ice)
        # Every language's names are there, the French ones too.
        self.assertIn('<b lang="fr">glace de mer</b>, <span lang="fr">banquise</span>', sea_ice)

    def test_machine_translated_labels_carry_the_provenance_badge(self):
        sea_ice = term_html(self.page("en"), "sea-ice")
        kalaallisut = re.search(r'<b lang="kl">siku</b>(.*?)</dd>', sea_ice).group(1)
        french = re.search(r'<b lang="fr">glace de mer</b>(.*?)</dd>', sea_ice).group(1)
        self.assertIn('class="provenance provenance-machine"', kalaallisut)
        self.assertIn("Machine translation — not yet reviewed", kalaallisut)
        self.assertNotIn("provenance", french)  # translated by a person, nothing recorded

    def test_recorded_provenance_replaces_the_machine_badge(self):
        kalaallisut = GlossaryTerm.objects.get(key="sea-ice", locale__language_code="kl")
        record_provenance(kalaallisut, ProvenanceMethod.COMMUNITY_REVIEWED, "Nuuk reviewers")
        sea_ice = term_html(self.page("en"), "sea-ice")
        self.assertIn("Translation reviewed by Nuuk reviewers", sea_ice)
        self.assertNotIn("provenance-machine", sea_ice)

    def test_french_page_defines_in_french_when_translated_and_sorts_by_french_labels(self):
        html = self.page("fr")
        sea_ice = term_html(html, "sea-ice")
        self.assertIn('<p lang="fr">Glace formée par le gel de l’eau de mer.</p>', sea_ice)
        self.assertNotIn("glossary-note", sea_ice)
        self.assertIn(
            '<p lang="en">The bear of the Arctic sea ice.</p>', term_html(html, "polar-bear")
        )
        self.assertIn(
            "Cette définition n'est pas encore traduite en français ; "
            "elle est affichée en anglais.",
            html_text.unescape(term_html(html, "polar-bear")),
        )
        # crevasse (English), glace de mer, ours polaire
        self.assertEqual(term_ids(html), ["crevasse", "sea-ice", "polar-bear"])
        self.assertEqual(term_ids(self.page("en")), ["crevasse", "polar-bear", "sea-ice"])

    def test_letter_index_links_each_letter_section(self):
        html = self.page("fr")
        letters = re.findall(r'<li><a href="#letter-(\w)">\1</a></li>', html)
        self.assertEqual(letters, ["C", "G", "O"])
        for letter in letters:
            self.assertIn(f'<h2 id="letter-{letter}">{letter}</h2>', html)

    def test_synonyms_not_yet_translated_are_not_passed_off_as_french(self):
        polar_bear = term_html(self.page("en"), "polar-bear")
        self.assertIn(
            '<dt lang="fr">Français</dt><dd><b lang="fr">ours polaire</b></dd>', polar_bear
        )
        self.assertNotIn('<span lang="fr">', polar_bear)
        names = GlossaryTerm.names_by_key()["polar-bear"]
        self.assertEqual(names["en"], ["polar bear", "ice bear", "Ursus maritimus"])
        self.assertEqual(names["fr"], ["ours polaire"])
        self.assertEqual(names["kl"], ["nanoq"])

    def test_a_translated_label_stays_while_its_changed_source_waits_for_translation(self):
        self.sea_ice.label = "sea-ice cover"
        self.sea_ice.save()
        TranslationSource.objects.get_for_instance(self.sea_ice).update_from_db()
        self.assertIn('<b lang="kl">siku</b>', term_html(self.page("en"), "sea-ice"))
        self.assertEqual(GlossaryTerm.names_by_key()["sea-ice"]["kl"], ["siku"])

    def test_languages_without_a_published_site_and_unknown_ones_are_not_found(self):
        for code in ("de", "se", "xx"):  # no home page, no locale, not a language of ours
            with self.subTest(language=code):
                response = self.client.get(f"/{code}/glossary/")
                self.assertEqual(response.status_code, 404)

    def test_search_engines_learn_the_glossary_in_every_published_language(self):
        html = self.page("kl")
        links = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]+)">', html)
        self.assertEqual(
            links,
            [(code, f"http://testserver/{code}/glossary/") for code in ("en", "fr", "kl")],
        )

    def test_site_footer_links_the_glossary_in_the_reader_language(self):
        response = self.client.get("/kl/")
        self.assertContains(response, '<a href="/kl/glossary/">')

    def test_bulk_provenances_match_one_by_one_provenances(self):
        terms = list(GlossaryTerm.objects.all())
        bulk = provenances_for(terms)
        for term in terms:
            with self.subTest(term=f"{term.key} {term.locale_id}"):
                self.assertEqual(
                    bulk.get((term.translation_key, term.locale_id)), provenance_for(term)
                )
        self.assertEqual(
            {ref for ref, value in bulk.items() if value.method == "machine"},
            {
                (translated(t).translation_key, translated(t).locale_id)
                for t in self.translations[1::2]
            },
        )


class CollationTests(TestCase):
    def test_letters_after_z_and_accents(self):
        words = ["øre", "zebra", "ære", "abe", "åben"]
        self.assertEqual(
            sorted(words, key=lambda word: collation_key(word, "da")),
            ["abe", "zebra", "ære", "øre", "åben"],
        )
        self.assertEqual(
            sorted(["öl", "zon", "äpple", "åka"], key=lambda word: collation_key(word, "sv")),
            ["zon", "åka", "äpple", "öl"],
        )
        self.assertEqual(
            sorted(["étoile", "eau", "fer"], key=lambda word: collation_key(word, "fr")),
            ["eau", "étoile", "fer"],
        )

    def test_first_letters(self):
        self.assertEqual(first_letter("étoile", "fr"), "E")
        self.assertEqual(first_letter("ørn", "da"), "Ø")
        self.assertEqual(first_letter("ᓇᓄᖅ", "iu"), "ᓇ")
