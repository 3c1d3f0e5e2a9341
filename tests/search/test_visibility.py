"""Drafts, unpublished and view-restricted pages never reach results, counts or suggestions."""

from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from tests.search.corpus import expected_counts
from tests.search.engine import EngineTestCase

HIDDEN_WORDS = ("Secret", "Private", "Withdrawn")


class VisibilityTests:
    def test_hidden_pages_are_not_in_results(self):
        for query in ("secret draft", "private permafrost", "withdrawn", ""):
            with self.subTest(query=query):
                answer = self.api(q=query)
                titles = " ".join(r["title"] for r in answer["results"])
                for word in HIDDEN_WORDS:
                    self.assertNotIn(word, titles)

    def test_hidden_pages_are_not_counted(self):
        answer = self.api(topic="sea-ice")
        counts = {e["value"]: e["count"] for e in answer["facets"]["topic"]}
        self.assertEqual(counts["sea-ice"], expected_counts({})["topic"]["sea-ice"])
        self.assertEqual(answer["total"], 3)  # the guide, the lesson and the ARICE member page
        self.assertEqual(self.api(q="secret")["total"], 0)

    def test_hidden_pages_are_not_suggested(self):
        for text in ("Secret", "Private perm", "Withdrawn"):
            with self.subTest(text=text):
                response = self.client.get("/api/search/suggest/", {"q": text})
                self.assertEqual(response.json()["suggestions"], [])

    def test_untranslated_aliases_are_not_indexed(self):
        synchronize_tree(
            Locale.objects.get(language_code="en"), Locale.objects.get(language_code="nb")
        )
        self.build_index()
        answer = self.api(q="helicopter", lang="nb")
        self.assertEqual(answer["results"][0]["translations"], ["en", "fr"])


class NodeVisibilityTests(VisibilityTests, EngineTestCase):
    """On the node of the engine under test (SEARCH_TEST_ENGINE)."""


class DatabaseVisibilityTests(VisibilityTests, EngineTestCase):
    engine_name = "database"
