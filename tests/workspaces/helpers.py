"""A small Cluster for permission tests: two members, a guide each, one user per role."""

import types

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from tests import factories as f
from tests.conftest import build_tree
from workspaces.members import add_member_author
from workspaces.roles import CLUSTER_EDITORS, COMMUNITY_REVIEWERS, TRANSLATORS, setup_roles
from workspaces.workflows import setup_review


def user_in(group_name, username):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.org", "password", first_name=username.title()
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def build_cluster():
    tree = build_tree()
    # The migration made the roles and the workflow; a live-server test may have emptied
    # the database since, so make sure they exist (both steps are idempotent).
    setup_roles(apps)
    setup_review(apps)
    member_a = f.MemberPageFactory(parent=tree.members, title="Member A", slug="member-a")
    member_b = f.MemberPageFactory(parent=tree.members, title="Member B", slug="member-b")
    author = get_user_model().objects.create_user("author-a", "author-a@example.org", "password")
    add_member_author(author, member_a)
    return types.SimpleNamespace(
        tree=tree,
        member_a=member_a,
        member_b=member_b,
        guide_a=publish(
            f.GuidePageFactory(parent=tree.guides, title="Guide of A", members=[member_a])
        ),
        guide_b=publish(
            f.GuidePageFactory(parent=tree.guides, title="Guide of B", members=[member_b])
        ),
        author=author,
        editor=user_in(CLUSTER_EDITORS, "editor"),
        translator=user_in(TRANSLATORS, "translator"),
        reviewer=user_in(COMMUNITY_REVIEWERS, "reviewer"),
    )


class ClusterTestCase(TestCase):
    """Tests on the small Cluster, built once per class."""

    @classmethod
    def setUpTestData(cls):
        cls.cluster = build_cluster()


def publish(page):
    """A live page with a revision, as if published in the admin."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def guide_form(guide, members=None, **changes):
    """The edit form's data for a guide, with changes."""
    fields = {
        "title": guide.title,
        "slug": guide.slug,
        "summary": guide.summary,
        "body": streamfield([("paragraph", rich_text("<p>Guide text.</p>"))]),
        "maturity": guide.maturity,
        "published": guide.published.isoformat(),
        "last_reviewed": guide.last_reviewed.isoformat(),
        "review_interval_months": str(guide.review_interval_months),
        "licence": guide.licence,
        "comments": inline_formset([]),
    }
    fields.update(changes)
    data = nested_form_data(fields)
    members = guide.members.all() if members is None else members
    data["members"] = [member.pk for member in members]
    return data
