"""The leak matrix's alias cases in every configured language tree.

``test_leaks.py`` checks every case on every surface in English, French (real
translations) and Norwegian (aliases). Here a small site is aliased into every
other configured language, Kalaallisut, Northern Sámi and Inuktitut included,
and the cases an alias can leak — a restricted guide, a guide in a restricted
section, a draft — are looked for in each tree's listings, search and
suggestions, the members directory and the outreach pages (network, numbers and
their CSV and JSON, feeds, the embed, with their sharing cards), after the index was
kept up to date change by change and after a rebuild. A visible guide must be found
in each tree, so that a tree which shows nothing cannot pass.

The same is checked for real translations into every language (as
wagtail-localize makes them) of an English source that is restricted, in a
password-restricted section or unpublished, and of an unpublished member: what
hides the source hides every translation, on every surface, facets included.
"""

from django.conf import settings

from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.synctree import synchronize_tree

from search.service import get_engine
from search.sync import deferred_reindexing
from tests import factories as f
from tests.conftest import build_tree, translate
from tests.search.engine import ENGINE, EngineTestCase

LANGUAGES = [code for code, _name in settings.LANGUAGES]
MARKERS = {
    "zephyr": "password restriction on the English guide",
    "obsidian": "in the login-restricted English outputs section",
    "quasar": "a draft, never published",
    "cirrus": "password restriction on an English infrastructure",
    "walrusine": "a draft event",
    "ermine": "a password restriction on the English event",
}
VISIBLE = "kittiwake"
VISIBLE_EVENT = "ptarmigan"


class EveryLanguageTree:
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.topic = f.TopicFactory(key="sea-ice", name="Sea ice")
        cls.member = f.MemberPageFactory(parent=cls.tree.members, slug="tern", title="Tern")
        english = Locale.objects.get(language_code="en")
        for code in LANGUAGES[1:]:  # as wagtail-localize fills a new language's tree
            synchronize_tree(english, f.LocaleFactory(language_code=code))
        cls.build_index()

    @classmethod
    def guide(cls, marker, parent=None, factory=f.GuidePageFactory, **fields):
        guide = factory(
            parent=parent or cls.tree.guides,
            slug=f"{marker}-guide",
            title=f"{marker.title()} field guide",
            summary=f"Advice known as {marker}.",
            topics=[cls.topic],
            members=[cls.member],
            **fields,
        )
        if guide.live:
            guide.save_revision().publish()  # as an editor would: the search documents follow
        for code in LANGUAGES[1:]:  # as wagtail-localize does for a page made in the admin
            guide.copy_for_translation(Locale.objects.get(language_code=code), alias=True)
        return guide

    @classmethod
    def hide_in_every_tree(cls):
        cls.guide(VISIBLE)
        cls.guide("quasar", live=False)
        PageViewRestriction.objects.create(
            page=cls.guide("zephyr"), restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        cls.guide("obsidian", parent=cls.tree.outputs, factory=f.OutputPageFactory)
        PageViewRestriction.objects.create(
            page=cls.tree.outputs, restriction_type=PageViewRestriction.LOGIN
        )
        station = cls.guide(
            "cirrus", parent=cls.tree.infrastructure, factory=f.InfrastructurePageFactory
        )
        PageViewRestriction.objects.create(
            page=station, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        activities = {"parent": cls.tree.activities, "factory": f.EventPageFactory}
        cls.guide(VISIBLE_EVENT, **activities)
        cls.guide("walrusine", live=False, **activities)
        PageViewRestriction.objects.create(
            page=cls.guide("ermine", **activities),
            restriction_type=PageViewRestriction.PASSWORD,
            password="x",
        )

    def listings(self, language):
        return [
            f"/{language}/",
            f"/{language}/guides/",
            f"/{language}/outputs/",
            f"/{language}/topics/{self.topic.key}/",
            f"/{language}/search/?q=",
            *directory_and_outreach(language, self.topic.key, self.member.slug),
            f"/{language}/activities/",
            f"/{language}/activities/calendar.ics",
        ]

    def assert_hidden_in_every_tree(self):
        sitemap = self.client.get("/sitemap.xml").content.decode()
        for language in LANGUAGES:
            with self.subTest(language=language):
                shown = {
                    url: self.client.get(url).content.decode() for url in self.listings(language)
                }
                for url in directory_and_outreach(language, self.topic.key, self.member.slug):
                    self.assertEqual(self.client.get(url).status_code, 200, url)
                self.assertIn(f"{VISIBLE.title()} field guide", shown[f"/{language}/guides/"])
                self.assertEqual(self.api(q=VISIBLE, lang=language)["total"], 1)
                calendar = shown[f"/{language}/activities/calendar.ics"]
                self.assertIn(f"{VISIBLE_EVENT.title()} field guide", calendar)
                self.assertEqual(self.api(q=VISIBLE_EVENT, lang=language)["total"], 1)
                for marker in MARKERS:
                    for url, html in shown.items():
                        self.assertNotIn(marker, html.lower(), url)
                    self.assertEqual(self.api(q=marker, lang=language)["total"], 0, marker)
                    suggest = self.client.get(
                        "/api/search/suggest/", {"q": marker, "lang": language}
                    )
                    self.assertEqual(suggest.json()["suggestions"], [], marker)
                    self.assertNotIn(marker, sitemap)
                for marker, section in (
                    ("zephyr", "guides"),
                    ("quasar", "guides"),
                    ("obsidian", "outputs"),
                    ("cirrus", "infrastructure"),
                    ("walrusine", "activities"),
                    ("ermine", "activities"),
                ):
                    url = f"/{language}/{section}/{marker}-guide/"
                    response = self.client.get(url)  # a password form, a 404 or a login redirect
                    self.assertNotIn(f"Advice known as {marker}", response.content.decode(), url)

    def setUp(self):
        super().setUp()
        self.build_index()  # the node keeps what an earlier test indexed

    def test_after_each_change(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.hide_in_every_tree()
        if self.engine_name != "database":
            get_engine().refresh()  # what the worker pushed becomes searchable
        self.assert_hidden_in_every_tree()

    def test_after_a_rebuild(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.hide_in_every_tree()
        self.build_index()  # from scratch
        self.assert_hidden_in_every_tree()


def directory_and_outreach(language, topic, member):
    """The members directory and the outreach pages of a language, each with the sharing
    cards in its head."""
    return [
        f"/{language}/members/",
        f"/{language}/members/?topic={topic}",
        f"/{language}/infrastructure/",
        f"/{language}/network/",
        f"/{language}/numbers/",
        f"/{language}/numbers.csv",
        f"/{language}/numbers.json",
        f"/{language}/feed/",
        f"/{language}/feed/?topic={topic}",
        f"/{language}/feed/?member={member}",
        f"/{language}/embed/?member={member}",
    ]


class NodeEveryLanguageTreeTests(EveryLanguageTree, EngineTestCase):
    engine_name = ENGINE


class DatabaseEveryLanguageTreeTests(EveryLanguageTree, EngineTestCase):
    engine_name = "database"


# marker -> what hides the English source of real translations into every language
TRANSLATED_MARKERS = {
    "gannet": "a login restriction on the source",
    "puffin": "a password restriction on the source's section",
    "narwhal": "the source unpublished after its translations",
    "skua": "a member, unpublished after its translations, named by a visible guide",
    "fulmar": "an infrastructure whose source is restricted, offered by a visible member",
}


class EveryLanguageTranslations:
    """Real translations into every language, built once per class: made in one go,
    then hidden change by change (the index kept up to date), checked, rebuilt and
    checked again."""

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.topic = f.TopicFactory(key="sea-ice", name="Sea ice")
        cls.region = f.RegionFactory(key="svalbard", name="Svalbard")
        english = Locale.objects.get(language_code="en")
        for code in LANGUAGES[1:]:
            synchronize_tree(english, f.LocaleFactory(language_code=code))
        cls.build_index()  # an empty index, which the changes below are pushed to
        with cls.captureOnCommitCallbacks(execute=True):
            with deferred_reindexing():
                cls.translate_sources()
            cls.hide_sources()

    @classmethod
    def translated(cls, page):
        for code in LANGUAGES[1:]:
            translate(page, code, title=f"{page.title} ({code})")
        return page

    @classmethod
    def guide(cls, marker, parent=None, **fields):
        return cls.translated(
            f.GuidePageFactory(
                parent=parent or cls.tree.guides,
                slug=f"{marker}-guide",
                title=f"{marker.title()} field guide",
                summary=f"Advice known as {marker}.",
                topics=[cls.topic],
                regions=[cls.region],
                **fields,
            )
        )

    @classmethod
    def translate_sources(cls):
        section = f.GuideIndexPageFactory(parent=cls.tree.home, slug="puffin-archive")
        cls.sources = {
            "section": cls.translated(section),
            "skua": cls.translated(
                f.MemberPageFactory(
                    parent=cls.tree.members,
                    slug="skua",
                    title="Skua",
                    summary="Advice known as skua.",
                )
            ),
            "tern": cls.translated(
                f.MemberPageFactory(parent=cls.tree.members, slug="tern", title="Tern")
            ),
            "gannet": cls.guide("gannet"),
            "puffin": cls.guide("puffin", parent=section),
            "narwhal": cls.guide("narwhal"),
        }
        cls.guide(VISIBLE, members=[cls.sources["skua"]])
        cls.sources["fulmar"] = cls.translated(
            f.InfrastructurePageFactory(
                parent=cls.tree.infrastructure,
                slug="fulmar-station",
                title="Fulmar station",
                summary="Advice known as fulmar.",
                topics=[cls.topic],
                members=[cls.sources["tern"]],
            )
        )

    @classmethod
    def hide_sources(cls):
        PageViewRestriction.objects.create(
            page=cls.sources["gannet"], restriction_type=PageViewRestriction.LOGIN
        )
        PageViewRestriction.objects.create(
            page=cls.sources["section"],
            restriction_type=PageViewRestriction.PASSWORD,
            password="x",
        )
        cls.sources["narwhal"].unpublish()
        cls.sources["skua"].unpublish()
        PageViewRestriction.objects.create(
            page=cls.sources["fulmar"], restriction_type=PageViewRestriction.LOGIN
        )

    def reader_pages(self, language):
        return [
            f"/{language}/",
            f"/{language}/guides/",
            f"/{language}/members/",
            f"/{language}/topics/{self.topic.key}/",
            f"/{language}/regions/{self.region.key}/",
            f"/{language}/guides/{VISIBLE}-guide/",
            *directory_and_outreach(language, self.topic.key, "tern"),
        ]

    def hidden_addresses(self, language):
        """{address: (marker, the status it answers with)}"""
        return {
            f"/{language}/guides/gannet-guide/": ("gannet", 302),  # to the login page
            f"/{language}/puffin-archive/puffin-guide/": ("puffin", 200),  # a password form
            f"/{language}/guides/narwhal-guide/": ("narwhal", 404),
            f"/{language}/members/skua/": ("skua", 404),
            f"/{language}/infrastructure/fulmar-station/": ("fulmar", 302),
            f"/{language}/embed/?member=skua": ("skua", 400),
            f"/{language}/feed/?member=skua": ("skua", 400),
        }

    def assert_no_marker(self, text, where):
        found = [marker for marker in TRANSLATED_MARKERS if marker in text.lower()]
        self.assertEqual(found, [], f"hidden content on {where}")

    def assert_pages_hide_them(self):
        self.assert_no_marker(self.client.get("/sitemap.xml").content.decode(), "the sitemap")
        for language in LANGUAGES:
            with self.subTest(language=language):
                for url in self.reader_pages(language):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, 200, url)
                    self.assert_no_marker(response.content.decode(), url)
                self.assertContains(self.client.get(f"/{language}/guides/"), "Kittiwake")
                for url, (marker, status) in self.hidden_addresses(language).items():
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, status, url)
                    self.assertNotIn(f"Advice known as {marker}", response.content.decode(), url)

    def assert_search_hides_them(self):
        for language in LANGUAGES:
            with self.subTest(language=language):
                everything = self.api(lang=language)
                self.assertEqual(everything["total"], 2)  # the visible guide, the member Tern
                members = [entry["value"] for entry in everything["facets"]["member"]]
                self.assertEqual(members, ["tern"])  # the guide's member is hidden
                self.assert_no_marker(str(everything), f"the {language} API")
                page = self.client.get(f"/{language}/search/?q=").content.decode()
                self.assert_no_marker(page, f"the {language} search page")
                for marker in TRANSLATED_MARKERS:
                    self.assertEqual(self.api(q=marker, lang=language)["total"], 0, marker)
                    suggest = self.client.get(
                        "/api/search/suggest/", {"q": marker, "lang": language}
                    )
                    self.assertEqual(suggest.json()["suggestions"], [], marker)

    def test_what_hides_a_source_hides_its_translations_everywhere(self):
        if self.engine_name != "database":
            get_engine().refresh()  # what the worker pushed becomes searchable
        self.assert_pages_hide_them()
        self.assert_search_hides_them()
        self.build_index()  # from scratch
        self.assert_search_hides_them()


class NodeEveryLanguageTranslationsTests(EveryLanguageTranslations, EngineTestCase):
    engine_name = ENGINE


class DatabaseEveryLanguageTranslationsTests(EveryLanguageTranslations, EngineTestCase):
    engine_name = "database"
