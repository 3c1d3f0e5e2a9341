"""Handover: an ended member's items go to a custodian member, whose authors keep them
current; they stay attributed to the ended member, whose page names the custodian."""

import datetime

from django.contrib.auth import get_user_model
from django.test import TestCase

from wagtail.models import Page

from tests import factories as f
from tests.consent.helpers import authors_group, user
from tests.workspaces.helpers import build_cluster, guide_form, publish
from workspaces.members import add_member_author


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


class HandoverTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cluster = build_cluster()
        members = cls.cluster.tree.members
        # Member A (author-a writes for it) keeps the ended project's items.
        cls.ended = publish(
            f.MemberPageFactory(
                parent=members,
                title="Ended Ice Project",
                slug="ended-ice",
                end_date=datetime.date(2023, 12, 31),
                custodian=cls.cluster.member_a,
            )
        )
        cls.guide = publish(
            f.GuidePageFactory(
                parent=cls.cluster.tree.guides,
                title="Guide of the ended project",
                members=[cls.ended],
            )
        )
        cls.author_b = get_user_model().objects.create_user("author-b", "b@example.org", "pw")
        add_member_author(cls.author_b, cls.cluster.member_b)

    def test_the_custodians_author_edits_the_ended_members_item(self):
        self.client.force_login(self.cluster.author)
        self.assertEqual(self.client.get(edit_url(self.guide)).status_code, 200)
        data = guide_form(
            self.guide, title="Kept current by the custodian", **{"action-submit": ""}
        )
        response = self.client.post(edit_url(self.guide), data)
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        page = Page.objects.get(pk=self.guide.pk).get_latest_revision_as_object()
        self.assertEqual(page.title, "Kept current by the custodian")
        # Still the ended project's item.
        self.assertEqual([member.pk for member in page.members.all()], [self.ended.pk])

    def test_another_members_author_may_not_edit_it(self):
        self.client.force_login(self.author_b)
        response = self.client.get(
            edit_url(self.guide), headers={"x-requested-with": "XMLHttpRequest"}
        )
        self.assertEqual(response.status_code, 403)
        data = guide_form(self.guide, title="Taken over")
        self.client.post(edit_url(self.guide), data)
        self.assertEqual(Page.objects.get(pk=self.guide.pk).specific.title, self.guide.title)
        self.assertEqual(
            Page.objects.get(pk=self.guide.pk).get_latest_revision_as_object().title,
            self.guide.title,
        )

    def test_the_member_page_says_who_keeps_its_legacy(self):
        html = self.client.get(self.ended.url).content.decode()
        self.assertIn("Legacy kept by", html)
        self.assertIn(f'href="{self.cluster.member_a.url}"', html)
        self.assertIn("Member A", html)

    def test_no_custodian_is_named_while_readers_may_not_see_it(self):
        self.cluster.member_a.unpublish()
        html = self.client.get(self.ended.url).content.decode()
        self.assertNotIn("Legacy kept by", html)

    def test_only_cluster_editors_are_offered_the_custodian(self):
        self.client.force_login(self.cluster.editor)
        form = self.client.get(edit_url(self.ended))
        self.assertEqual(form.status_code, 200)
        self.assertIn('name="custodian"', form.content.decode())
        # Someone who may edit pages but not decide who keeps which member's items.
        page_editor = user("page-editor", authors_group(self.cluster.tree.members))
        self.client.force_login(page_editor)
        form = self.client.get(edit_url(self.ended))
        self.assertEqual(form.status_code, 200)
        self.assertNotIn('name="custodian"', form.content.decode())
