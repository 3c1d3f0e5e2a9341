"""Engines are chosen by dotted path with their options (SEARCH_ENGINES), as Django
chooses cache and database backends; the SEARCH_ENGINE shortcut fills that setting."""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.test import SimpleTestCase, override_settings

from search.engines import get_engine
from search.engines.database import DatabaseEngine
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.opensearch import OpenSearchEngine
from search.service import uses_remote_engine


class NamedDatabaseEngine(DatabaseEngine):
    """A database engine with an option, as a project's own engine may have."""

    def __init__(self, label="plain"):
        self.label = label


class EngineRegistryTests(SimpleTestCase):
    def test_the_backend_is_built_from_its_dotted_path_and_settings(self):
        engines = {
            "default": {
                "BACKEND": "search.engines.elasticsearch.ElasticsearchEngine",
                "URLS": ["http://search.example:9200"],
                "INDEX_PREFIX": "cluster",
                "TIMEOUT": 3.5,
            }
        }
        with override_settings(SEARCH_ENGINES=engines):
            engine = get_engine()
            self.assertIsInstance(engine, ElasticsearchEngine)
            self.assertEqual(engine.urls, ["http://search.example:9200"])
            self.assertEqual(engine.alias, "cluster-knowledge")
            self.assertEqual(engine.timeout, 3.5)
            self.assertIs(get_engine(), engine)  # one client per configuration
            self.assertTrue(uses_remote_engine())

    def test_options_are_keyword_arguments_of_the_engine(self):
        backend = f"{__name__}.NamedDatabaseEngine"
        engines = {"default": {"BACKEND": backend, "OPTIONS": {"label": "archive"}}}
        with override_settings(SEARCH_ENGINES=engines):
            self.assertEqual(get_engine().label, "archive")
            self.assertFalse(uses_remote_engine())

    def test_an_unknown_backend_is_named_in_the_error(self):
        engines = {"default": {"BACKEND": "search.engines.solr.SolrEngine"}}
        with override_settings(SEARCH_ENGINES=engines):
            with self.assertRaisesMessage(ImproperlyConfigured, "search.engines.solr"):
                get_engine()

    def test_the_shortcut_fills_the_setting_and_overrides_follow_it(self):
        configured = settings.SEARCH_ENGINES
        with override_settings(
            SEARCH_ENGINE="opensearch", SEARCH_URLS=["http://node:9200"], SEARCH_TIMEOUT=5
        ):
            self.assertEqual(
                settings.SEARCH_ENGINES["default"],
                {
                    "BACKEND": "search.engines.opensearch.OpenSearchEngine",
                    "URLS": ["http://node:9200"],
                    "INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX,
                    "TIMEOUT": 5,
                },
            )
            self.assertIsInstance(get_engine(), OpenSearchEngine)
            with override_settings(SEARCH_INDEX_PREFIX="inner"):
                self.assertEqual(get_engine().alias, "inner-knowledge")
                self.assertEqual(get_engine().urls, ["http://node:9200"])
        self.assertEqual(settings.SEARCH_ENGINES, configured)

    def test_the_database_shortcut_needs_no_server(self):
        with override_settings(SEARCH_ENGINE="database"):
            self.assertEqual(
                settings.SEARCH_ENGINES,
                {"default": {"BACKEND": "search.engines.database.DatabaseEngine"}},
            )
            self.assertIsInstance(get_engine(), DatabaseEngine)

    def test_an_unknown_shortcut_is_refused(self):
        with self.assertRaisesMessage(ImproperlyConfigured, "SEARCH_ENGINE must be one of"):
            with override_settings(SEARCH_ENGINE="solr"):
                pass
