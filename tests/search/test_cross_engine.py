"""OpenSearch and Elasticsearch give readers the same answers.

The same corpus is indexed on both nodes, the same searches run on each, and
any difference in results (and their order), counts, facets, highlights or
suggestions fails. Needs both nodes (see tests/search/engine.py).
"""

from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings

from search.service import get_engine
from tests.search.corpus import build_corpus
from tests.search.engine import ENGINES, engine_url

SEARCHES = [
    {},
    {"q": "sea ice"},
    {"q": "sea ice", "lang": "fr"},
    {"q": "helicopter", "lang": "nb"},
    {"q": "isbjørnen", "lang": "nb"},
    {"q": "l'hélicoptère", "lang": "fr"},
    {"q": "helicopteres", "lang": "fr"},
    {"q": "banquise", "lang": "fr"},
    {"q": "thickness"},
    {"q": "permafrost coring", "type": "guide"},
    {"q": "permafrots"},
    {"q": "FAIR metadata", "sort": "newest"},
    {"topic": "fieldwork", "type": "guide"},
    {"topic": ["sea-ice", "permafrost"], "region": "greenland"},
    {"language": "fr", "type": "guide"},
    {"type": "guide", "sort": "newest", "page": "2"},
    {"lang": "fr"},
]
SUGGESTIONS = [("perma", "en"), ("sea", "fr"), ("heli", "nb"), ("isbj", "nb")]


def engine_settings(engine):
    return override_settings(
        SEARCH_ENGINE=engine,
        SEARCH_URLS=[engine_url(engine)],
        SEARCH_INDEX_PREFIX="test-crossengine",
    )


class CrossEngineTests(TestCase):
    maxDiff = None

    @classmethod
    def setUpTestData(cls):
        cls.corpus = build_corpus()
        for engine in ENGINES:
            with engine_settings(engine):
                call_command("rebuild_search_index", stdout=StringIO())

    @classmethod
    def tearDownClass(cls):
        try:
            for engine in ENGINES:
                with engine_settings(engine):
                    get_engine().drop()
        finally:
            super().tearDownClass()

    def answers(self, url, params):
        """The JSON answer of each engine, less the field that names the engine."""
        answers = {}
        for engine in ENGINES:
            with engine_settings(engine):
                response = self.client.get(url, params)
            self.assertEqual(response.status_code, 200, response.content)
            answer = response.json()
            self.assertFalse(answer.get("fallback"), f"{engine} should have answered")
            answer.pop("engine", None)
            answers[engine] = answer
        return answers

    def test_same_results_counts_and_suggestions(self):
        for params in SEARCHES:
            with self.subTest(**params):
                opensearch, elasticsearch = self.answers("/api/search/", params).values()
                self.assertEqual(elasticsearch, opensearch)

    def test_searches_find_something(self):
        """The comparison means something only if the searches have answers."""
        for params in SEARCHES:
            if "q" in params and params["q"] != "permafrots":
                with self.subTest(**params):
                    answer = self.answers("/api/search/", params)["opensearch"]
                    self.assertGreater(answer["total"], 0)

    def test_same_title_suggestions(self):
        for text, language in SUGGESTIONS:
            with self.subTest(text=text, lang=language):
                opensearch, elasticsearch = self.answers(
                    "/api/search/suggest/", {"q": text, "lang": language}
                ).values()
                self.assertTrue(opensearch["suggestions"])
                self.assertEqual(elasticsearch, opensearch)
