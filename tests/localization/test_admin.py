"""The status report and the provenance form in the Wagtail admin."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase

from localization.models import ProvenanceMethod, TranslationProvenance
from localization.provenance import record_provenance
from tests import factories as f
from tests.conftest import build_tree

from .helpers import edit_and_publish, localize, sync, translated

STATUS_URL = "/admin/localization/status/"


class AdminTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = tree = build_tree()
        cls.guide = f.GuidePageFactory(parent=tree.guides, title="Sea-ice travel")
        cls.missing_guide = f.GuidePageFactory(parent=tree.guides, title="Drone permits")
        for page in (tree.home, tree.guides):
            localize(page, "kl")
        cls.kalaallisut = localize(cls.guide, "kl")
        cls.superuser = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        cls.reader = admin_user_without_page_permissions()

    def provenance_url(self):
        page_id = translated(self.kalaallisut).pk
        return f"/admin/localization/provenance/knowledgebase/guidepage/{page_id}/"


class StatusReportViewTests(AdminTestCase):
    def test_superuser_sees_counts_per_language(self):
        self.client.force_login(self.superuser)
        response = self.client.get(STATUS_URL)
        self.assertEqual(response.status_code, 200)
        counts = {
            status.locale.language_code: status.counts() for status in response.context["statuses"]
        }
        self.assertEqual(counts["kl"], {"translated": 3, "outdated": 0, "missing": 8, "total": 11})
        self.assertContains(response, '<a href="?locale=kl">Kalaallisut</a>', html=True)

    def test_a_chosen_language_lists_items_with_links(self):
        self.client.force_login(self.superuser)
        response = self.client.get(STATUS_URL, {"locale": "kl"})
        self.assertContains(response, f'href="/admin/pages/{self.missing_guide.pk}/edit/"')
        self.assertContains(
            response, f'href="/admin/localize/submit/page/{self.missing_guide.pk}/"'
        )
        self.assertContains(
            response, f'href="/admin/pages/{translated(self.kalaallisut).pk}/edit/"'
        )
        self.assertContains(response, self.provenance_url())

    def test_anonymous_visitors_are_sent_to_log_in(self):
        response = self.client.get(STATUS_URL)
        self.assertEqual(response.status_code, 302)
        self.assertIn("/admin/login/", response["Location"])

    def test_page_explorer_offers_provenance_for_translated_pages_only(self):
        self.client.force_login(self.superuser)
        kalaallisut_guides = translated(self.kalaallisut).get_parent()
        self.assertContains(
            self.client.get(f"/admin/pages/{kalaallisut_guides.pk}/"), "provenance/"
        )
        self.assertNotContains(
            self.client.get(f"/admin/pages/{self.tree.guides.pk}/"), "provenance/"
        )

    def test_report_is_in_the_reports_menu(self):
        self.client.force_login(self.superuser)
        self.assertContains(self.client.get("/admin/"), STATUS_URL)


class ProvenanceViewTests(AdminTestCase):
    def test_editor_records_provenance_which_readers_then_see(self):
        self.client.force_login(self.superuser)
        response = self.client.post(
            self.provenance_url(), {"method": "community_reviewed", "translator": "Ilisimatusarfik"}
        )
        self.assertRedirects(response, f"{STATUS_URL}?locale=kl")
        record = TranslationProvenance.objects.get()
        self.assertEqual(record.method, ProvenanceMethod.COMMUNITY_REVIEWED)
        self.assertEqual(record.recorded_by, self.superuser)
        form_page = self.client.get(self.provenance_url())
        self.assertEqual(
            form_page.context["provenance"].label, "Translation reviewed by Ilisimatusarfik"
        )

    def test_the_form_says_when_the_text_changed_since_recording(self):
        record_provenance(translated(self.kalaallisut), ProvenanceMethod.HUMAN, "Aviaja Lynge")
        edit_and_publish(self.guide, summary="Go slow and test the ice.")
        sync(self.guide)
        self.client.force_login(self.superuser)
        response = self.client.get(self.provenance_url())
        self.assertContains(response, "no longer applies")
        self.assertIsNone(response.context["provenance"])

    def test_the_form_proposes_human_translation_for_a_hand_made_one(self):
        self.client.force_login(self.superuser)
        response = self.client.get(self.provenance_url())
        self.assertEqual(response.context["form"].initial["method"], ProvenanceMethod.HUMAN)

    def test_users_who_cannot_edit_the_page_are_refused(self):
        self.client.force_login(self.reader)
        response = self.client.get(self.provenance_url(), follow=True)
        self.assertEqual(response.redirect_chain, [("/admin/", 302)])
        self.assertContains(response, "do not have permission")
        self.client.post(self.provenance_url(), {"method": "human"})
        self.assertFalse(TranslationProvenance.objects.exists())

    def test_originals_have_no_provenance_form(self):
        self.client.force_login(self.superuser)
        url = f"/admin/localization/provenance/knowledgebase/guidepage/{self.guide.pk}/"
        # LocaleMiddleware first tries the URL under a language prefix, then gives up.
        self.assertEqual(self.client.get(url, follow=True).status_code, 404)


def admin_user_without_page_permissions():
    group = Group.objects.create(name="Admin readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("reader", "r@example.org", "pw")
    user.groups.add(group)
    return user
