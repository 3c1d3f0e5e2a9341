"""The consent gate on every reader surface: an item about a community that has not
approved it is found nowhere — search results, facets, suggestions, listings, topic,
region and member pages, the sitemap, its own address — in its language, in a real
translation and where it is an alias; once approved, it is everywhere."""

from contextlib import contextmanager

from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from consent.models import CommunityApproval, record_approval
from search.service import get_engine
from tests import factories as f
from tests.consent.helpers import community_reviewer
from tests.search.engine import ENGINE, EngineTestCase

LANGUAGES = ("en", "fr", "nb")
MARKER = "qilak"


class ConsentGate:
    @classmethod
    def add_content(cls):
        corpus = cls.corpus
        english = Locale.objects.get(language_code="en")
        for code in ("fr", "nb"):  # aliases of the corpus, as wagtail-localize makes them
            synchronize_tree(english, Locale.objects.get(language_code=code))
        cls.community = f.CommunityFactory(key="kalaallit", name="Kalaallit")
        cls.topic = f.TopicFactory(key="sky-lore", name="Sky lore")
        member = corpus.members[2]  # Nunataryuk
        cls.guide = f.GuidePageFactory(
            parent=corpus.tree.guides,
            slug="qilak-guide",
            title="Qilak field guide",
            summary="Advice known as qilak.",
            topics=[cls.topic],
            regions=[corpus.regions[1]],
            members=[member],
            communities=[cls.community],
        )
        # A French translation made live before the community was named, and an alias.
        french = cls.guide.copy_for_translation(Locale.objects.get(language_code="fr"))
        french.title, french.live = "Guide de terrain qilak", True
        french.save()
        cls.guide.copy_for_translation(Locale.objects.get(language_code="nb"), alias=True)

    @contextmanager
    def committed(self):
        """Run a change as a request would: its index task runs once it commits."""
        with self.captureOnCommitCallbacks(execute=True):
            yield
        if self.engine_name != "database":
            get_engine().refresh()

    def reader_pages(self, language):
        return [
            f"/{language}/",
            f"/{language}/guides/",
            f"/{language}/topics/sky-lore/",
            f"/{language}/regions/{self.corpus.regions[1].key}/",
            f"/{language}/members/{self.corpus.members[2].slug}/",
            f"/{language}/search/?q=",
        ]

    def surfaces(self, language):
        """{where: what a reader gets there} for one language."""
        client = self.client
        found = {
            "results": str(self.api(q=MARKER, lang=language)["results"]),
            # the facets name a topic only this item has, not the item
            "facets": str(self.api(lang=language)["facets"]).replace("sky-lore", MARKER),
            "suggestions": client.get(
                "/api/search/suggest/", {"q": MARKER, "lang": language}
            ).content.decode(),
            "sitemap": client.get("/sitemap.xml").content.decode(),
        }
        for url in self.reader_pages(language):
            response = client.get(url)
            self.assertEqual(response.status_code, 200, url)
            found[url] = response.content.decode()
        return found

    def test_withheld_everywhere_until_every_community_approved(self):
        for language in LANGUAGES:
            for where, text in self.surfaces(language).items():
                with self.subTest("before consent", language=language, where=where):
                    self.assertFalse(MARKER in text.lower(), f"{where} shows the item")
            own_page = self.client.get(f"/{language}/guides/qilak-guide/")
            self.assertEqual(own_page.status_code, 404, language)

        with self.committed():
            record_approval(
                self.community, self.guide, community_reviewer("aputsiaq", self.community)
            )

        for language in LANGUAGES:
            for where, text in self.surfaces(language).items():
                if where == f"/{language}/":
                    continue  # the home page lists featured guides only
                with self.subTest("after consent", language=language, where=where):
                    self.assertTrue(MARKER in text.lower(), f"{where} lacks the item")
            own_page = self.client.get(f"/{language}/guides/qilak-guide/")
            self.assertContains(own_page, "qilak")
        answer = self.api(q=MARKER, lang="fr")
        self.assertEqual(answer["results"][0]["translations"], ["en", "fr"])
        self.assertEqual(answer["results"][0]["title"], "Guide de terrain qilak")

        with self.committed():
            CommunityApproval.objects.all().delete()  # consent withdrawn
        self.assertEqual(self.api(q=MARKER)["total"], 0)
        self.assertEqual(self.client.get("/fr/guides/qilak-guide/").status_code, 404)


class NodeConsentGateTests(ConsentGate, EngineTestCase):
    engine_name = ENGINE


class DatabaseConsentGateTests(ConsentGate, EngineTestCase):
    engine_name = "database"
