"""The leak matrix: nothing a reader may not see reaches any surface, in any language.

Each hidden case carries a marker word of its own. After the cases are made
(the index kept up to date change by change, then rebuilt from scratch), no
marker may appear in search results, facets, suggestions, listings, member
and topic pages, links on pages or the sitemap, in the source language, in a
language where the page is an alias and in one with a real translation; and
the hidden pages themselves are not served to an anonymous reader. What hides
an English source hides its real French and Norwegian translations too.
"""

from django.contrib.auth.models import Group, User

from wagtail.models import Locale, PageViewRestriction
from wagtail_localize.synctree import synchronize_tree

from knowledgebase.models import GuidePage
from search.service import get_engine
from tests import factories as f
from tests.conftest import translate
from tests.search.engine import ENGINE, EngineTestCase

LANGUAGES = ("en", "fr", "nb")
# marker -> what hides it
MARKERS = {
    "quasar": "a draft, never published",
    "nimbus": "published, then unpublished",
    "zephyr": "password restriction (an alias in fr and nb: defect L2)",
    "tundrix": "restricted to a group",
    "obsidian": "under a login-restricted section (an alias in fr and nb: defect L1)",
    "xylophone": "a real French translation, login-restricted in the French tree",
    "quokka": "a draft member named by a published guide (defect L3)",
    "mistral": "under an unpublished section",
    "gannet": "real translations (fr, nb) of a login-restricted English guide",
    "puffin": "real translations of a guide in a password-restricted English section",
    "narwhal": "real translations of an English guide unpublished after them",
    "skua": "real translations of an unpublished member named by a published guide",
    "walrusine": "a draft event, never published",
    "ermine": "an event restricted to logged-in readers",
    "wolverine": "a working group behind a password",
}
HIDDEN_RELATED = ("quasar-guide", "zephyr-guide")


def restrict(page, kind, **fields):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.set([Group.objects.create(name="Station staff")])
    return restriction


class LeakMatrix:
    @classmethod
    def add_content(cls):
        english = Locale.objects.get(language_code="en")
        for code in ("fr", "nb"):
            synchronize_tree(english, Locale.objects.get(language_code=code))

    def setUp(self):
        super().setUp()
        if self.engine_name != "database":
            self.build_index()  # the node keeps what an earlier test indexed

    def searchable(self):
        if self.engine_name != "database":
            get_engine().refresh()  # what the worker pushed becomes searchable

    def guide(
        self, marker, parent=None, factory=f.GuidePageFactory, aliases=("fr", "nb"), **fields
    ):
        guide = factory(
            parent=parent or self.corpus.tree.guides,
            slug=f"{marker}-guide",
            title=f"{marker.title()} field guide",
            summary=f"Advice known as {marker}.",
            topics=[self.corpus.topics[1]],
            regions=[self.corpus.regions[1]],
            **fields,
        )
        for code in aliases:  # as wagtail-localize does for a page made in the admin
            locale = Locale.objects.get(language_code=code)
            guide.copy_for_translation(locale, copy_parents=True, alias=True)
        return guide

    def hide_everything(self):
        """Make every hidden case, committing each change as the admin would."""
        tree = self.corpus.tree
        steps = [
            lambda: self.guide("quasar", live=False),
            lambda: self.guide("nimbus").unpublish(),
            lambda: restrict(self.guide("zephyr"), PageViewRestriction.PASSWORD, password="s3cret"),
            lambda: restrict(self.guide("tundrix"), PageViewRestriction.GROUPS),
            lambda: self.guide("obsidian", parent=tree.outputs, factory=f.OutputPageFactory),
            lambda: restrict(tree.outputs, PageViewRestriction.LOGIN),
            self.restricted_translation,
            self.draft_member,
            self.unpublished_section,
            lambda: restrict(self.translated_guide("gannet"), PageViewRestriction.LOGIN),
            self.translated_guide_in_password_section,
            lambda: self.translated_guide("narwhal").unpublish(),
            self.unpublished_translated_member,
            lambda: self.activity("walrusine", live=False),
            lambda: restrict(self.activity("ermine"), PageViewRestriction.LOGIN),
            lambda: restrict(
                self.activity("wolverine", factory=f.WorkingGroupPageFactory),
                PageViewRestriction.PASSWORD,
                password="s3cret",
            ),
        ]
        for step in steps:
            with self.captureOnCommitCallbacks(execute=True):
                step()

    def activity(self, marker, factory=f.EventPageFactory, **fields):
        return self.guide(marker, parent=self.corpus.tree.activities, factory=factory, **fields)

    def restricted_translation(self):
        guide = self.guide("kite", aliases=("nb",))
        french = translate(guide, "fr", title="Cerf-volant Xylophone", slug="xylophone-guide")
        restrict(french, PageViewRestriction.LOGIN)

    def draft_member(self):
        member = f.MemberPageFactory(
            parent=self.corpus.tree.members,
            slug="quokka",
            title="Quokka polar project",
            acronym="QUOKKA",
            live=False,
        )
        guide = self.corpus.guides[0]
        guide.members.add(member)
        hidden = GuidePage.objects.filter(locale__language_code="en", slug__in=HIDDEN_RELATED)
        guide.related_guides.add(*hidden)  # related-guide links must skip them too
        guide.save_revision().publish()

    def translated_guide(self, marker, parent=None):
        """A guide with real French and Norwegian translations, carrying the marker too."""
        guide = self.guide(marker, parent=parent, aliases=())
        for code in ("fr", "nb"):
            translate(guide, code, title=f"{marker.title()} ({code})", summary=guide.summary)
        return guide

    def translated_guide_in_password_section(self):
        section = f.GuideIndexPageFactory(
            parent=self.corpus.tree.home, slug="puffin-archive", title="Archived guides"
        )
        for code in ("fr", "nb"):
            translate(section, code)
        self.translated_guide("puffin", parent=section)
        restrict(section, PageViewRestriction.PASSWORD, password="s3cret")

    def unpublished_translated_member(self):
        member = f.MemberPageFactory(
            parent=self.corpus.tree.members,
            slug="skua",
            title="Skua seabird project",
            acronym="SKUA",
            summary="Advice known as skua.",
        )
        for code in ("fr", "nb"):
            translate(member, code, title=f"Skua ({code})")
        guide = self.corpus.guides[1]
        guide.members.add(member)
        guide.save_revision().publish()
        member.unpublish()

    def unpublished_section(self):
        section = f.GuideIndexPageFactory(
            parent=self.corpus.tree.home, slug="mistral-archive", title="Old guides"
        )
        self.guide("mistral", parent=section)
        section.unpublish()

    # What a reader sees ------------------------------------------------------

    def reader_pages(self, language):
        corpus = self.corpus
        topic, region = corpus.topics[1].key, corpus.regions[1].key
        guide_slug, member_slug = corpus.guides[0].slug, corpus.members[0].slug
        return [
            f"/{language}/",
            f"/{language}/guides/",
            f"/{language}/outputs/",
            f"/{language}/members/",
            f"/{language}/members/{member_slug}/",
            f"/{language}/topics/{topic}/",
            f"/{language}/regions/{region}/",
            f"/{language}/guides/{guide_slug}/",
            f"/{language}/search/?q=",
            f"/{language}/activities/",
            f"/{language}/activities/calendar.ics",
        ]

    def hidden_pages(self, language):
        """{url: marker} of the hidden pages themselves."""
        urls = {f"/{language}/guides/{marker}-guide/": marker for marker in MARKERS}
        urls[f"/{language}/outputs/obsidian-guide/"] = "obsidian"
        urls[f"/{language}/mistral-archive/mistral-guide/"] = "mistral"
        urls[f"/{language}/puffin-archive/puffin-guide/"] = "puffin"
        urls[f"/{language}/members/skua/"] = "skua"
        for marker in ("walrusine", "ermine", "wolverine"):
            urls[f"/{language}/activities/{marker}-guide/"] = marker
        return urls

    def assert_no_marker(self, text, where):
        found = {marker: why for marker, why in MARKERS.items() if marker in text.lower()}
        self.assertEqual(found, {}, f"hidden content on {where}")

    def assert_nothing_leaks(self):
        self.assert_no_marker(self.client.get("/sitemap.xml").content.decode(), "the sitemap")
        for language in LANGUAGES:
            everything = self.client.get("/api/search/", {"lang": language}).content.decode()
            self.assert_no_marker(everything, f"the {language} search facets")
            for marker in MARKERS:
                with self.subTest(language=language, marker=marker):
                    answer = self.api(q=marker, lang=language)
                    self.assertEqual(answer["total"], 0, answer["results"])
                    suggest = self.client.get(
                        "/api/search/suggest/", {"q": marker, "lang": language}
                    )
                    self.assertEqual(suggest.json()["suggestions"], [])
            for url in self.reader_pages(language):
                response = self.client.get(url)
                self.assertIn(response.status_code, (200, 302), url)  # en outputs: login
                self.assert_no_marker(response.content.decode(), url)
            for url, marker in self.hidden_pages(language).items():
                response = self.client.get(url)  # 404, a login redirect or a password form
                self.assertNotIn(f"Advice known as {marker}", response.content.decode(), url)
        self.assertEqual(self.client.get("/fr/guides/xylophone-guide/").status_code, 302)

    def test_after_each_change(self):
        self.hide_everything()
        self.assert_nothing_leaks()

    def test_after_a_rebuild(self):
        self.hide_everything()
        self.build_index()
        self.assert_nothing_leaks()

    def committed(self, action, *args, **kwargs):
        with self.captureOnCommitCallbacks(execute=True):
            return action(*args, **kwargs)

    def test_after_readers_read_everything_before_the_change(self):
        """Pages and answers kept for anonymous readers before a case is hidden never
        reach a reader after it."""
        markers = ("nimbus", "zephyr", "tundrix")
        guides = {marker: self.committed(self.guide, marker) for marker in markers}
        self.committed(self.guide, "obsidian", self.corpus.tree.outputs, f.OutputPageFactory)
        for language in LANGUAGES:
            for url in self.reader_pages(language):
                self.client.get(url)
            for url, marker in self.hidden_pages(language).items():
                response = self.client.get(url)
                if marker in markers:
                    self.assertContains(response, f"Advice known as {marker}", msg_prefix=url)
                self.api(q=marker, lang=language)
                self.client.get("/api/search/suggest/", {"q": marker, "lang": language})
        self.committed(guides["nimbus"].unpublish)
        self.committed(restrict, guides["zephyr"], PageViewRestriction.PASSWORD, password="s3cret")
        self.committed(restrict, guides["tundrix"], PageViewRestriction.GROUPS)
        self.committed(restrict, self.corpus.tree.outputs, PageViewRestriction.LOGIN)
        self.committed(self.restricted_translation)
        self.assert_nothing_leaks()

    def test_after_readers_read_every_translation_before_the_source_is_hidden(self):
        """Restricting or unpublishing a source hides the translations readers have read
        (kept pages and answers included), and lifting the restriction shows them again."""
        gannet = self.committed(self.translated_guide, "gannet")
        narwhal = self.committed(self.translated_guide, "narwhal")
        self.searchable()
        for language in LANGUAGES:
            for url in (f"/{language}/guides/", f"/{language}/guides/gannet-guide/"):
                self.assertContains(self.client.get(url), "Gannet", msg_prefix=url)
            for marker in ("gannet", "narwhal"):
                self.assertEqual(self.api(q=marker, lang=language)["total"], 1, marker)
        restriction = self.committed(restrict, gannet, PageViewRestriction.LOGIN)
        self.committed(narwhal.unpublish)
        self.searchable()
        for language in LANGUAGES:
            self.assertEqual(self.client.get(f"/{language}/guides/gannet-guide/").status_code, 302)
            self.assertEqual(self.client.get(f"/{language}/guides/narwhal-guide/").status_code, 404)
            for marker in ("gannet", "narwhal"):
                self.assertEqual(self.api(q=marker, lang=language)["total"], 0, marker)
            guides = self.client.get(f"/{language}/guides/").content.decode()
            self.assertNotIn("Gannet", guides)
            self.assertNotIn("Narwhal", guides)
        self.committed(restriction.delete)
        self.searchable()
        for language in LANGUAGES:
            self.assertContains(self.client.get(f"/{language}/guides/"), "Gannet")
            self.assertEqual(self.api(q="gannet", lang=language)["total"], 1)

    def test_l1_an_alias_obeys_its_source_sections_restriction(self):
        self.committed(self.guide, "obsidian", self.corpus.tree.outputs, f.OutputPageFactory)
        self.committed(restrict, self.corpus.tree.outputs, PageViewRestriction.LOGIN)
        for language in ("fr", "nb"):
            page = self.client.get(f"/{language}/outputs/obsidian-guide/")
            self.assertEqual(page.status_code, 302)  # to the login page
            self.assertNotIn("Obsidian", self.client.get(f"/{language}/outputs/").content.decode())

    def test_l2_an_alias_of_a_restricted_guide_is_not_listed(self):
        zephyr = self.committed(self.guide, "zephyr")
        self.committed(restrict, zephyr, PageViewRestriction.PASSWORD, password="s3cret")
        topic = self.corpus.topics[1].key
        for url in ("/fr/guides/", f"/fr/topics/{topic}/", "/nb/guides/", "/fr/"):
            self.assertNotIn("Zephyr", self.client.get(url).content.decode(), url)

    def test_l3_a_draft_member_is_not_named_anywhere(self):
        self.committed(self.draft_member)
        self.assertEqual(self.api(q="quokka")["total"], 0)
        members = [entry["value"] for entry in self.api()["facets"]["member"]]
        self.assertNotIn("quokka", members)
        for language in LANGUAGES:
            page = self.client.get(f"/{language}/guides/{self.corpus.guides[0].slug}/")
            self.assertNotIn("Quokka", page.content.decode())

    def test_an_unpublished_member_with_translations_is_never_a_facet_value(self):
        self.committed(self.unpublished_translated_member)
        for language in LANGUAGES:
            facets = self.api(lang=language)["facets"]["member"]
            self.assertNotIn("skua", [entry["value"] for entry in facets], language)
            self.assertEqual(self.client.get(f"/{language}/members/skua/").status_code, 404)
            guide = self.client.get(f"/{language}/guides/{self.corpus.guides[1].slug}/")
            self.assertNotIn("Skua", guide.content.decode())

    def test_a_logged_in_reader_reads_restricted_pages_but_listings_stay_public(self):
        """Listings, search and the sitemap follow the public rule for everyone; a reader
        who passes a login restriction reads the restricted page at its address."""
        self.committed(self.guide, "obsidian", self.corpus.tree.outputs, f.OutputPageFactory)
        self.committed(restrict, self.corpus.tree.outputs, PageViewRestriction.LOGIN)
        self.committed(self.restricted_translation)
        reader = User.objects.create_user("reader", password="not-used")
        self.client.force_login(reader)
        for url in ("/en/outputs/obsidian-guide/", "/fr/outputs/obsidian-guide/"):
            self.assertContains(self.client.get(url), "Advice known as obsidian")
        self.assertContains(self.client.get("/fr/guides/xylophone-guide/"), "Xylophone")
        gannet = self.committed(self.translated_guide, "gannet")
        self.committed(restrict, gannet, PageViewRestriction.LOGIN)
        self.searchable()
        for language in LANGUAGES:  # the source's restriction, passed, opens every language
            self.assertContains(self.client.get(f"/{language}/guides/gannet-guide/"), "Gannet")
            self.assertEqual(self.api(q="gannet", lang=language)["total"], 0)
        for language in ("en", "fr"):
            self.assertEqual(self.api(q="obsidian", lang=language)["total"], 0)
            self.assertEqual(self.api(q="xylophone", lang=language)["total"], 0)
            self.assertNotIn("Obsidian", self.client.get(f"/{language}/outputs/").content.decode())
        self.assertNotIn("Xylophone", self.client.get("/fr/guides/").content.decode())
        self.assertNotIn("obsidian", self.client.get("/sitemap.xml").content.decode())

    def test_visible_pages_are_still_shown(self):
        """The other side of the rule: what a reader may see is still there."""
        self.hide_everything()
        alias = self.client.get("/nb/guides/kite-guide/")  # alias of a visible guide
        self.assertContains(alias, "Kite field guide")
        self.assertEqual(self.api(q="kite", lang="fr")["results"][0]["translations"], ["en"])
        sea_ice = self.client.get(f"/nb/guides/{self.corpus.guides[0].slug}/")
        self.assertContains(sea_ice, "ARICE")  # its published member is still linked


class NodeLeakTests(LeakMatrix, EngineTestCase):
    engine_name = ENGINE


class DatabaseLeakTests(LeakMatrix, EngineTestCase):
    engine_name = "database"
