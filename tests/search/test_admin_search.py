"""Wagtail's admin search on the engine's node, through modelsearch's backend for it
(opensearch3 on OpenSearch, elasticsearch9 on Elasticsearch)."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import override_settings

import requests

from tests import factories as f
from tests.search.engine import ENGINE, WAGTAIL_BACKENDS, EngineTestCase, engine_url

INDEX_PREFIX = "test-adminsearch-"


class AdminSearchTests(EngineTestCase):
    @classmethod
    def setUpClass(cls):
        backend = {
            "BACKEND": WAGTAIL_BACKENDS[ENGINE],
            "URLS": [engine_url()],
            "INDEX_PREFIX": INDEX_PREFIX,
            "TIMEOUT": 30,
        }
        cls._backend = override_settings(WAGTAILSEARCH_BACKENDS={"default": backend})
        cls._backend.enable()
        # Settings overrides are undone in reverse order (class cleanups run last in,
        # first out): undone before the engine's, this one would come back with it.
        cls.addClassCleanup(cls._backend.disable)
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        try:
            url = engine_url()
            aliases = requests.get(f"{url}/{INDEX_PREFIX}*/_alias", timeout=30).json()
            for index in aliases:
                requests.delete(f"{url}/{index}", timeout=30)
        finally:
            super().tearDownClass()

    @classmethod
    def add_content(cls):
        f.GuidePageFactory(parent=cls.corpus.tree.guides, title="Katabatic wind shelters")

    @classmethod
    def build_index(cls):
        super().build_index()
        call_command("update_index", stdout=StringIO(), stderr=StringIO())

    def setUp(self):
        admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
        self.client.force_login(admin)

    def search(self, query):
        response = self.client.get("/admin/pages/search/", {"q": query})
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_finds_the_page_by_a_word_of_its_title(self):
        html = self.search("katabatic")
        self.assertIn("Katabatic wind shelters", html)
        self.assertNotIn("Sea-ice travel safety", html)

    def test_finds_pages_by_several_words(self):
        html = self.search("helicopter glaciers")
        self.assertIn("Helicopter operations near glaciers", html)
        self.assertNotIn("Katabatic wind shelters", html)
