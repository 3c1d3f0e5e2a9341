"""Making someone a member author: `add_member_author USERNAME MEMBER_SLUG` and the admin's
Settings → Member authors, which only Cluster editors may use."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase

from knowledgebase.models import Membership

from .helpers import build_cluster
from .test_permissions import edit_url


class AddMemberAuthorCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cluster = build_cluster()
        cls.newcomer = get_user_model().objects.create_user("newcomer", "n@example.org", "pw")

    def run_command(self, *args):
        out = StringIO()
        call_command("add_member_author", *args, stdout=out)
        return out.getvalue()

    def test_the_user_becomes_an_author_of_the_member(self):
        self.assertIn("newcomer now writes for Member A", self.run_command("newcomer", "member-a"))
        self.assertIn("already writes for", self.run_command("newcomer", "member-a"))
        self.assertEqual(Membership.objects.filter(user=self.newcomer).count(), 1)
        self.client.force_login(self.newcomer)
        self.assertEqual(self.client.get(edit_url(self.cluster.guide_a)).status_code, 200)

    def test_unknown_user_or_member_is_a_clear_error(self):
        cases = [
            (("ghost", "member-a"), "No user named 'ghost'."),
            (("newcomer", "nowhere"), "No member with the slug 'nowhere'."),
        ]
        for args, message in cases:
            with self.subTest(args=args):
                with self.assertRaisesMessage(CommandError, message) as raised:
                    self.run_command(*args)
                self.assertEqual(raised.exception.returncode, 1)
        self.assertFalse(Membership.objects.filter(user=self.newcomer).exists())


class MembershipAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cluster = build_cluster()
        cls.newcomer = get_user_model().objects.create_user("newcomer", "n@example.org", "pw")

    def test_an_editor_makes_and_ends_a_membership(self):
        self.client.force_login(self.cluster.editor)
        response = self.client.post(
            "/admin/memberships/new/",
            {"user": self.newcomer.pk, "member": self.cluster.member_b.pk},
        )
        self.assertEqual(response.status_code, 302)
        membership = Membership.objects.get(user=self.newcomer)
        self.assertEqual(membership.member, self.cluster.member_b)
        self.assertTrue(self.newcomer.groups.filter(name="Member authors").exists())

        self.client.post(f"/admin/memberships/delete/{membership.pk}/")
        self.assertFalse(Membership.objects.filter(user=self.newcomer).exists())
        self.assertFalse(self.newcomer.groups.filter(name="Member authors").exists())

    def test_authors_cannot_give_themselves_members(self):
        self.client.force_login(self.cluster.author)
        response = self.client.post(
            "/admin/memberships/new/",
            {"user": self.cluster.author.pk, "member": self.cluster.member_b.pk},
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(response["Location"], "/admin/")
        self.assertFalse(Membership.objects.filter(member=self.cluster.member_b).exists())
