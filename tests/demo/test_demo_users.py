"""`make run` creates one demo user per role, local only, with random passwords printed
next to the admin login."""

import tempfile
from io import StringIO
from pathlib import Path
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import TestCase, override_settings

from demo import users as demo
from knowledgebase.models import Membership
from tests import factories as f
from tests.conftest import build_tree


class DemoUserTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        cls.member = f.MemberPageFactory(parent=tree.members, slug="svalbard-field-safety-network")

    def setUp(self):
        directory = tempfile.TemporaryDirectory()
        self.addCleanup(directory.cleanup)
        kept = mock.patch.object(demo, "PASSWORD_FILE", Path(directory.name) / "passwords")
        kept.start()
        self.addCleanup(kept.stop)

    @override_settings(DEMO_USERS=True)
    def test_one_user_per_role_who_can_log_in_with_the_printed_password(self):
        call_command("create_demo_users")  # as the demo loader does
        passwords = demo.kept_passwords()
        self.assertEqual(demo.create_demo_users(), passwords)  # a second run changes nothing
        out = StringIO()
        call_command("demo_logins", stdout=out)
        for entry in demo.demo_users():
            username, group_name = entry["username"], entry["group"]
            with self.subTest(username=username):
                user = get_user_model().objects.get(username=username)
                self.assertEqual([group.name for group in user.groups.all()], [group_name])
                self.assertIn(f"'{username}' with password '{passwords[username]}'", out.getvalue())
                self.assertTrue(self.client.login(username=username, password=passwords[username]))
        author = Membership.objects.get(user__username="demo-author")
        self.assertEqual(author.member, self.member)

    def test_no_demo_users_unless_the_settings_ask_for_them(self):
        self.assertEqual(demo.create_demo_users(), {})
        self.assertFalse(get_user_model().objects.filter(username__startswith="demo-").exists())
        out = StringIO()
        call_command("demo_logins", stdout=out)
        self.assertEqual(out.getvalue(), "")
