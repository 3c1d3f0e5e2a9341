"""A small multilingual knowledge base for the search tests, and the facet
counts the database says it should produce (worked out from the pages
themselves, independently of the search documents)."""

import datetime
import types
from collections import Counter

from wagtail.models import Page, PageViewRestriction

from knowledgebase.models import GuidePage, LessonPage, MemberPage, OutputPage, Region, Topic
from tests import factories as f
from tests.conftest import build_tree, translate

CONTENT_MODELS = (GuidePage, LessonPage, MemberPage, OutputPage)


def paragraph_body(*paragraphs):
    return [("paragraph", f"<p>{text}</p>") for text in paragraphs]


def build_corpus():
    tree = build_tree()
    for page in vars(tree).values():
        translate(page, "fr")
        translate(page, "nb")

    fieldwork = f.TopicFactory(key="fieldwork", name="Fieldwork & safety")
    sea_ice = f.TopicFactory(key="sea-ice", name="Sea-ice operations", parent=fieldwork)
    glaciers = f.TopicFactory(key="glacier-travel", name="Glacier travel", parent=fieldwork)
    data = f.TopicFactory(key="data", name="Data management")
    fair = f.TopicFactory(key="fair-data", name="FAIR data", parent=data)
    permafrost = f.TopicFactory(key="permafrost", name="Permafrost")
    arctic = f.RegionFactory(key="arctic", name="Arctic")
    svalbard = f.RegionFactory(key="svalbard", name="Svalbard", parent=arctic)
    greenland = f.RegionFactory(key="greenland", name="Greenland", parent=arctic)
    antarctic = f.RegionFactory(key="antarctic", name="Antarctic")

    arice = f.MemberPageFactory(
        parent=tree.members,
        slug="arice",
        title="Arctic Research Icebreaker Consortium",
        acronym="ARICE",
        topics=[sea_ice],
        regions=[arctic],
    )
    interact = f.MemberPageFactory(
        parent=tree.members,
        slug="interact",
        title="INTERACT network",
        acronym="INTERACT",
        topics=[fieldwork],
        regions=[arctic],
        start_date=datetime.date(2016, 1, 1),
    )
    nunataryuk = f.MemberPageFactory(
        parent=tree.members,
        slug="nunataryuk",
        title="Nunataryuk",
        acronym="NUNATARYUK",
        topics=[permafrost],
        regions=[greenland],
        published=datetime.date(2017, 11, 1),
    )

    def guide(slug, title, summary, body, **kwargs):
        return f.GuidePageFactory(
            parent=tree.guides,
            slug=slug,
            title=title,
            summary=summary,
            body=paragraph_body(*body),
            **kwargs,
        )

    sea_ice_guide = guide(
        "sea-ice-travel",
        "Sea-ice travel safety",
        "How to travel safely on sea ice: thickness checks, routes and rescue gear.",
        [
            "Drill the ice every fifty metres and log the thickness.",
            "Carry a throw rope, ice picks and a radio.",
        ],
        topics=[sea_ice],
        regions=[svalbard],
        members=[arice],
        published=datetime.date(2023, 3, 1),
        last_reviewed=datetime.date(2025, 9, 1),
    )
    helicopter = guide(
        "helicopter-operations",
        "Helicopter operations near glaciers",
        "Planning helicopter landings and sling loads on and near glaciers.",
        [
            "A helicopter needs a marked landing site on firm snow.",
            "Crevasses near glaciers are hidden under fresh snow.",
        ],
        topics=[glaciers],
        regions=[greenland],
        members=[interact],
        published=datetime.date(2024, 6, 1),
        last_reviewed=datetime.date(2026, 1, 10),
    )
    polar_bear = guide(
        "polar-bear-safety",
        "Polar bear safety in field camps",
        "Keeping people and polar bears safe around field camps.",
        ["Set up a bear fence and keep a watch at night."],
        topics=[fieldwork],
        regions=[svalbard],
        members=[arice, interact],
        published=datetime.date(2022, 5, 1),
        last_reviewed=datetime.date(2023, 1, 1),
    )
    coring = guide(
        "permafrost-coring",
        "Permafrost coring and sample handling",
        "Drilling permafrost cores and keeping them frozen on the way to the lab.",
        ["Keep cores below minus eighteen degrees from the drill to the freezer."],
        topics=[permafrost],
        regions=[greenland],
        members=[nunataryuk],
        published=datetime.date(2021, 8, 1),
        last_reviewed=datetime.date(2021, 8, 1),
    )
    metadata = guide(
        "fair-metadata",
        "FAIR metadata for field data",
        "Describing field data so others can find and reuse them.",
        ["Record who, where, when and how for every dataset."],
        topics=[fair],
        regions=[antarctic],
        members=[interact],
        published=datetime.date(2025, 2, 1),
        last_reviewed=datetime.date(2025, 2, 1),
    )
    lesson = f.LessonPageFactory(
        parent=tree.lessons,
        slug="early-break-up",
        title="Early sea-ice break-up",
        summary="The fast ice broke up two weeks early and a camp had to be moved.",
        topics=[sea_ice],
        regions=[svalbard],
        members=[arice, interact],
        published=datetime.date(2022, 4, 20),
    )
    archive = f.OutputPageFactory(
        parent=tree.outputs,
        slug="core-archive",
        title="Permafrost core archive",
        summary="Metadata of 300 permafrost cores from the Greenland coast.",
        topics=[permafrost, fair],
        regions=[greenland],
        members=[nunataryuk],
        published=datetime.date(2020, 10, 1),
    )

    translate(
        sea_ice_guide,
        "fr",
        title="Sécurité des déplacements sur la banquise",
        summary="Se déplacer en sécurité sur la glace de mer : épaisseur, itinéraires, secours.",
        body=paragraph_body("Percez la glace tous les cinquante mètres."),
    )
    translate(
        helicopter,
        "fr",
        title="Opérations d'hélicoptères près des glaciers",
        summary="Préparer les atterrissages d'hélicoptère sur les glaciers et à proximité.",
        body=paragraph_body("L'hélicoptère a besoin d'une aire d'atterrissage balisée."),
    )
    translate(
        polar_bear,
        "nb",
        title="Isbjørnsikkerhet i feltleirer",
        summary="Slik holder du folk og isbjørn trygge rundt feltleirer.",
        body=paragraph_body("Sett opp et gjerde og hold vakt om natten."),
    )
    translate(
        lesson,
        "fr",
        title="Débâcle précoce de la banquise",
        summary="La banquise côtière s'est disloquée deux semaines plus tôt.",
    )
    translate(arice, "fr", title="Consortium de brise-glaces de recherche arctique")

    hidden = types.SimpleNamespace(
        draft=f.GuidePageFactory(
            parent=tree.guides,
            slug="secret-draft",
            title="Secret draft on sea ice",
            summary="Unpublished sea-ice notes.",
            topics=[sea_ice],
            live=False,
        ),
        private=f.GuidePageFactory(
            parent=tree.guides,
            slug="private-permafrost",
            title="Private permafrost notes",
            summary="Members-only permafrost advice.",
            topics=[permafrost],
            members=[arice],
        ),
        withdrawn=f.GuidePageFactory(
            parent=tree.guides,
            slug="withdrawn",
            title="Withdrawn sea-ice advice",
            summary="Old sea-ice advice.",
            topics=[sea_ice],
        ),
    )
    PageViewRestriction.objects.create(
        page=hidden.private, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    hidden.withdrawn.unpublish()
    return types.SimpleNamespace(
        tree=tree,
        hidden=hidden,
        guides=[sea_ice_guide, helicopter, polar_bear, coring, metadata],
        lesson=lesson,
        archive=archive,
        members=[arice, interact, nunataryuk],
        topics=[fieldwork, sea_ice, glaciers, data, fair, permafrost],
        regions=[arctic, svalbard, greenland, antarctic],
    )


# The database's view ----------------------------------------------------------


def visible_groups():
    """{translation key: (source page, [language codes])} of live, public pages."""
    groups = {}
    pages = (
        Page.objects.live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
        .order_by("pk")
        .specific()
    )
    for page in pages:
        if isinstance(page, CONTENT_MODELS):
            source, languages = groups.get(page.translation_key, (page, []))
            languages.append(page.locale.language_code)
            groups[page.translation_key] = (source, languages)
    return groups


def closure(model, keys):
    parents = dict(model.objects.values_list("key", "parent__key"))
    found = set()
    for key in keys:
        while key:
            found.add(key)
            key = parents.get(key)
    return found


def facet_values(source, languages):
    members = getattr(source, "members", None)
    return {
        "topic": closure(Topic, [t.key for t in source.topics.all()]),
        "region": closure(Region, [r.key for r in source.regions.all()]),
        "member": {source.slug}
        if isinstance(source, MemberPage)
        else {m.slug for m in members.all()}
        if members is not None
        else set(),
        "type": {source.content_type_key},
        "language": set(languages),
        "year": {str(source.published.year)},
    }


def expected_counts(filters):
    """Facet -> {value: groups}, counting each value with the other facets' filters."""
    rows = [facet_values(source, languages) for source, languages in visible_groups().values()]
    counts = {}
    for name in ("topic", "member", "type", "region", "language", "year"):
        others = {k: set(v) for k, v in filters.items() if k != name and v}
        counter = Counter()
        for row in rows:
            if all(row[k] & v for k, v in others.items()):
                counter.update(row[name])
        counts[name] = dict(counter)
    return counts


def expected_total(filters):
    rows = [facet_values(source, languages) for source, languages in visible_groups().values()]
    wanted = {k: set(v) for k, v in filters.items() if v}
    return sum(1 for row in rows if all(row[k] & v for k, v in wanted.items()))
