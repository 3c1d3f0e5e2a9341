"""The enquiry inbox in the admin: Cluster editors see, filter, assign, annotate and
close enquiries; anonymous visitors and other admin users see none of them."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase

from contact.models import Enquiry

INBOX = "/admin/snippets/contact/enquiry/"


def edit_url(enquiry):
    return f"{INBOX}edit/{enquiry.pk}/"


class InboxTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        users = get_user_model().objects
        cls.editor = users.create_user("editor", "editor@example.org", "pw")
        cls.editor.groups.add(Group.objects.get(name="Cluster editors"))
        cls.author = users.create_user("author", "author@example.org", "pw")
        authors = Group.objects.create(name="Authors of a member")
        authors.permissions.add(Permission.objects.get(codename="access_admin"))
        cls.author.groups.add(authors)
        cls.first = Enquiry.objects.create(
            name="Aviaja", email="a@example.gl", message="About sea ice", language="kl"
        )
        cls.second = Enquiry.objects.create(
            name="Nils",
            email="n@example.no",
            message="About reindeer",
            language="se",
            status=Enquiry.Status.ANSWERED,
            notification_failed=True,
        )

    def test_anonymous_visitors_are_sent_to_the_login(self):
        for url in (INBOX, edit_url(self.first)):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 302)
                self.assertIn("/admin/login/", response["Location"])

    def test_an_admin_user_who_is_no_editor_can_neither_list_nor_open_nor_change_them(self):
        self.client.force_login(self.author)
        for url in (INBOX, edit_url(self.first)):
            with self.subTest(url=url):
                response = self.client.get(url, follow=True)
                self.assertNotContains(response, "About sea ice")
                self.assertNotContains(response, "a@example.gl")
        self.client.post(edit_url(self.first), {"status": "closed", "notes": "hijacked"})
        self.first.refresh_from_db()
        self.assertEqual((self.first.status, self.first.notes), ("new", ""))
        self.assertNotContains(self.client.get("/admin/"), INBOX)

    def test_editors_list_and_filter_the_inbox(self):
        self.client.force_login(self.editor)
        response = self.client.get(INBOX)
        self.assertContains(response, "Aviaja")
        self.assertContains(response, "Nils")
        filtered = self.client.get(INBOX, {"status": "answered"})
        self.assertContains(filtered, "Nils")
        self.assertNotContains(filtered, "Aviaja")
        failed = self.client.get(INBOX, {"notification_failed": "true"})
        self.assertEqual(list(failed.context["object_list"]), [self.second])
        by_language = self.client.get(INBOX, {"language": "kl"})
        self.assertEqual(list(by_language.context["object_list"]), [self.first])

    def test_editors_assign_annotate_and_close_but_cannot_rewrite_the_message(self):
        self.client.force_login(self.editor)
        page = self.client.get(edit_url(self.first))
        self.assertContains(page, "About sea ice")
        self.assertContains(page, "a@example.gl")
        self.assertNotContains(page, 'name="message"')
        response = self.client.post(
            edit_url(self.first),
            {
                "status": "new",
                "assignee": self.editor.pk,
                "notes": "Asked SIO for their data policy.",
                "message": "Rewritten",
            },
        )
        self.assertEqual(response.status_code, 302)
        self.first.refresh_from_db()
        self.assertEqual(self.first.assignee, self.editor)
        self.assertEqual(self.first.status, Enquiry.Status.ASSIGNED)  # assigning moves it on
        self.assertEqual(self.first.notes, "Asked SIO for their data policy.")
        self.assertEqual(self.first.message, "About sea ice")

    def test_nobody_adds_enquiries_in_the_admin(self):
        self.client.force_login(self.editor)
        self.assertNotEqual(self.client.get(f"{INBOX}new/").status_code, 200)
        self.assertNotContains(self.client.get(INBOX), f'href="{INBOX}new/"')
