"""Editors read all feedback in a report, the most negative item first; an author's
dashboard shows the feedback on their own members' guides and lessons."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase

from feedback.models import Feedback
from knowledgebase.models import Membership
from tests import factories as f
from tests.conftest import build_tree

REPORT = "/admin/reports/feedback/"


def votes(page, useful, not_useful, comment=""):
    for _number in range(useful):
        Feedback.objects.create(translation_key=page.translation_key, language="en", useful=True)
    for _number in range(not_useful):
        Feedback.objects.create(
            translation_key=page.translation_key, language="en", useful=False, comment=comment
        )


class FeedbackReportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        cls.ours = f.MemberPageFactory(parent=tree.members, slug="sio")
        theirs = f.MemberPageFactory(parent=tree.members, slug="other")
        cls.liked = f.GuidePageFactory(parent=tree.guides, title="Liked guide", members=[cls.ours])
        cls.disliked = f.LessonPageFactory(
            parent=tree.lessons, title="Disliked lesson", members=[cls.ours]
        )
        cls.mixed = f.GuidePageFactory(parent=tree.guides, title="Mixed guide", members=[cls.ours])
        cls.foreign = f.GuidePageFactory(
            parent=tree.guides, title="Other member's guide", members=[theirs]
        )
        votes(cls.liked, useful=5, not_useful=0)
        votes(cls.disliked, useful=1, not_useful=4, comment="Outdated ice charts")
        votes(cls.mixed, useful=2, not_useful=2)
        votes(cls.foreign, useful=0, not_useful=9)

        users = get_user_model().objects
        cls.editor = users.create_user("editor", "editor@example.org", "pw")
        cls.editor.groups.add(Group.objects.get(name="Cluster editors"))
        admin_access = Group.objects.create(name="Authors of a member")
        admin_access.permissions.add(Permission.objects.get(codename="access_admin"))
        cls.author = users.create_user("author", "author@example.org", "pw")
        cls.author.groups.add(admin_access)
        Membership.objects.create(user=cls.author, member=cls.ours)
        cls.outsider = users.create_user("outsider", "outsider@example.org", "pw")
        cls.outsider.groups.add(admin_access)

    def test_editors_see_every_item_most_negative_first_with_its_comments(self):
        self.client.force_login(self.editor)
        response = self.client.get(REPORT)
        self.assertEqual(response.status_code, 200)
        titles = [row["title"] for row in response.context["object_list"]]
        self.assertEqual(
            titles, ["Other member's guide", "Disliked lesson", "Mixed guide", "Liked guide"]
        )
        self.assertContains(response, "Outdated ice charts")
        self.assertContains(response, f"/admin/pages/{self.disliked.pk}/edit/")

    def test_the_report_is_closed_to_anonymous_visitors_and_other_admin_users(self):
        anonymous = self.client.get(REPORT)
        self.assertEqual(anonymous.status_code, 302)
        self.assertIn("/admin/login/", anonymous["Location"])
        self.client.force_login(self.outsider)
        response = self.client.get(REPORT, follow=True)
        self.assertContains(response, "you do not have permission")
        self.assertNotContains(response, "Outdated ice charts")
        self.assertNotContains(response, "Disliked lesson")
        self.assertNotContains(self.client.get("/admin/"), REPORT)

    def test_an_authors_dashboard_shows_their_members_items_most_negative_first(self):
        self.client.force_login(self.author)
        content = self.client.get("/admin/").content.decode()
        self.assertIn("Reader feedback on your members", content)
        positions = [
            content.index(title) for title in ("Disliked lesson", "Mixed guide", "Liked guide")
        ]
        self.assertEqual(positions, sorted(positions))
        self.assertIn("Outdated ice charts", content)
        self.assertNotIn("Other member&#x27;s guide", content)
        self.assertNotIn("Other member's guide", content)

    def test_a_user_writing_for_no_member_has_no_feedback_panel(self):
        self.client.force_login(self.outsider)
        self.assertNotContains(self.client.get("/admin/"), "Reader feedback on your members")
