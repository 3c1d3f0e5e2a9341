"""An author sees in the admin only their own members' drafts, and no site-wide report;
editors keep everything."""

from django.test import TestCase

from tests import factories as f

from .helpers import build_cluster

SITE_WIDE_REPORTS = [
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/aging-pages/",
    "/admin/reports/aging-pages/results/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow/results/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/workflow_tasks/results/",
    "/admin/reports/locked/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/page-types-usage/results/",
]


class AdminConfinementTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cluster = build_cluster()
        guides = cls.cluster.tree.guides
        cls.own_draft = f.GuidePageFactory(
            parent=guides, title="Draft of A", live=False, members=[cls.cluster.member_a]
        )
        cls.other_draft = f.GuidePageFactory(
            parent=guides, title="Secret plan of B", live=False, members=[cls.cluster.member_b]
        )
        for draft in (cls.own_draft, cls.other_draft):
            draft.save_revision()

    def explorer_and_search(self):
        """The guides' explorer listing and the admin page search, as HTML."""
        guides = self.cluster.tree.guides.pk
        return {
            url: self.client.get(url).content.decode()
            for url in (
                f"/admin/pages/{guides}/",
                f"/admin/pages/{guides}/?q=plan",
                "/admin/pages/search/?q=plan",
                "/admin/pages/search/results/?q=plan",
                f"/admin/choose-page/{guides}/",
                "/admin/choose-page/search/?q=plan",
            )
        }

    def test_author_sees_own_drafts_and_live_pages_but_not_other_members_drafts(self):
        self.client.force_login(self.cluster.author)
        pages = self.explorer_and_search()
        listing = pages[f"/admin/pages/{self.cluster.tree.guides.pk}/"]
        self.assertIn("Draft of A", listing)
        self.assertIn("Guide of B", listing)  # live: public anyway
        for url, html in pages.items():
            with self.subTest(url=url):
                self.assertNotIn("Secret plan of B", html)
        response = self.client.get(f"/admin/pages/{self.other_draft.pk}/", follow=True)
        self.assertEqual(response.redirect_chain, [("/admin/", 302)])
        self.assertNotContains(response, "Secret plan of B")

    def test_editor_sees_every_draft(self):
        self.client.force_login(self.cluster.editor)
        listing = self.client.get(f"/admin/pages/{self.cluster.tree.guides.pk}/")
        self.assertContains(listing, "Secret plan of B")
        self.assertContains(self.client.get("/admin/pages/search/?q=plan"), "Secret plan of B")

    def test_author_gets_no_site_wide_report(self):
        self.client.force_login(self.cluster.author)
        for url in SITE_WIDE_REPORTS:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertIn(response.status_code, (302, 403))
                if response.status_code == 302:
                    self.assertEqual(response.url, "/admin/")
                self.assertNotIn("Secret plan of B", response.content.decode())
        self.assertNotContains(self.client.get("/admin/"), "/admin/reports/site-history/")

    def test_editor_keeps_the_reports(self):
        self.client.force_login(self.cluster.editor)
        for url in SITE_WIDE_REPORTS:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)
