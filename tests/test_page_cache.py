"""Pages and search answers kept for anonymous readers: served again without work,
and never once a change would show something else."""

import gzip

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from consent.models import CommunityApproval, record_approval
from search.models import DailySearchCount
from tests import factories as f
from tests.conftest import build_tree
from tests.search.engine import EngineTestCase

# The test settings' caches, each holding at most a few entries.
SMALL_CACHES = {
    name: {**cache, "OPTIONS": {"MAX_ENTRIES": 5}} for name, cache in settings.CACHES.items()
}


class KeptPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.guide = f.GuidePageFactory(
            parent=cls.tree.guides, slug="sea-ice", title="Travel on sea ice"
        )
        cls.sami = f.CommunityFactory(key="sami", name="Sámi reindeer herders")
        cls.reviewer = User.objects.create_user("ante")

    def read(self, url, client=None):
        response = (client or self.client).get(url)
        return response.status_code, response.content.decode()

    def test_the_next_anonymous_reader_gets_the_page_without_a_database_query(self):
        first = self.read(self.guide.url)
        with CaptureQueriesContext(connection) as queries:
            second = self.read(self.guide.url)
        self.assertEqual(second, first)
        self.assertEqual(len(queries), 0, [q["sql"] for q in queries])

    @override_settings(CACHES=SMALL_CACHES)
    def test_many_different_searches_never_push_a_kept_page_out(self):
        first = self.read(self.guide.url)
        for number in range(12):
            response = self.client.get("/api/search/", {"q": f"ice {number}", "lang": "en"})
            self.assertEqual(response.status_code, 200)
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.read(self.guide.url), first)
        self.assertEqual(len(queries), 0, [q["sql"] for q in queries])

    def test_a_kept_page_reaches_each_browser_in_the_encoding_it_accepts(self):
        plain = self.client.get(self.guide.url)  # rendered and kept
        for accepts in ("gzip, deflate, br", "gzip", "identity", None):
            with self.subTest(accepts=accepts):
                headers = {"HTTP_ACCEPT_ENCODING": accepts} if accepts else {}
                response = self.client.get(self.guide.url, **headers)
                compressed = "gzip" in (accepts or "")
                self.assertEqual(response.get("Content-Encoding"), "gzip" if compressed else None)
                body = gzip.decompress(response.content) if compressed else response.content
                self.assertEqual(body, plain.content)
                self.assertEqual(int(response["Content-Length"]), len(response.content))
                self.assertIn("Accept-Encoding", response["Vary"])

    def test_a_published_change_shows_at_once(self):
        self.read(self.guide.url)
        self.read("/en/guides/")
        self.guide.title = "Travel on fast ice"
        self.guide.save_revision().publish()
        for url in (self.guide.url, "/en/guides/"):
            status, html = self.read(url)
            self.assertIn("Travel on fast ice", html, url)
            self.assertNotIn("Travel on sea ice", html, url)

    def test_unpublished_restricted_or_withheld_pages_leave_the_cache_at_once(self):
        hides = {
            "unpublished": lambda guide: guide.unpublish(),
            "password": lambda guide: PageViewRestriction.objects.create(
                page=guide, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
            ),
            "consent withdrawn": self.withdraw_consent,
            # Last: it hides the cases before it too.
            "section restricted": lambda guide: PageViewRestriction.objects.create(
                page=self.tree.guides, restriction_type=PageViewRestriction.LOGIN
            ),
        }
        for number, (case, hide) in enumerate(hides.items()):
            with self.subTest(case=case):
                guide = f.GuidePageFactory(
                    parent=self.tree.guides,
                    slug=f"hidden-{number}",
                    summary=f"Kept advice {number}.",
                    communities=[self.sami],
                )
                record_approval(self.sami, guide, self.reviewer)
                for url in (guide.url, "/en/guides/"):
                    self.assertIn(guide.summary, self.read(url)[1], url)
                hide(guide)
                for url in (guide.url, "/en/guides/"):
                    self.assertNotIn(guide.summary, self.read(url)[1], url)

    @staticmethod
    def withdraw_consent(guide):
        CommunityApproval.objects.filter(page_translation_key=guide.translation_key).delete()

    def test_a_signed_in_readers_page_never_reaches_anonymous_readers(self):
        restricted = f.GuidePageFactory(
            parent=self.tree.guides, slug="staff-only", summary="Staff advice."
        )
        PageViewRestriction.objects.create(
            page=restricted, restriction_type=PageViewRestriction.LOGIN
        )
        signed_in = self.client_class()
        signed_in.force_login(User.objects.create_user("reader"))
        for _time in range(2):
            self.assertIn("Staff advice.", self.read(restricted.url, signed_in)[1])
            status, html = self.read(restricted.url)
            self.assertEqual(status, 302)  # to the login page
            self.assertNotIn("Staff advice.", html)

    def test_a_page_with_a_form_token_is_rendered_for_each_reader(self):
        tokens = set()
        for _reader in range(2):
            response = self.client_class().get("/en/contact/")
            self.assertEqual(response.status_code, 200)
            tokens.add(response.cookies["csrftoken"].value)
        self.assertEqual(len(tokens), 2)

    def test_every_search_on_the_search_page_is_counted(self):
        for _reader in range(2):
            self.assertEqual(self.read("/en/search/?q=sea+ice")[0], 200)
        self.assertEqual(DailySearchCount.objects.get(query="sea ice").searches, 2)


class KeptAnswersTests(EngineTestCase):
    """That kept answers follow every change is checked by the sync, leak and consent
    tests, which search before and after each change on every engine."""

    engine_name = "database"

    def test_a_repeated_search_is_answered_without_searching_again(self):
        first = self.api(q="sea ice", topic="sea-ice")
        self.assertTrue(first["results"])
        with CaptureQueriesContext(connection) as queries:
            second = self.api(q="sea ice", topic="sea-ice")
        self.assertEqual(second, first)
        searches = [q["sql"] for q in queries if "search_dailysearchcount" not in q["sql"]]
        self.assertEqual(searches, [])
