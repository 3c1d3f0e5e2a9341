"""The review cycle: the author's dashboard lists their members' guides due for review,
worst first; "Mark as reviewed" changes only the review date, through the workflow;
reminders go out once a week per author."""

import datetime
import json
from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Revision, WorkflowPage

import pytest

from knowledgebase.models import GuidePage, Membership
from knowledgebase.models.guides import add_months
from reviews.models import ReviewReminder
from tests import factories as f
from tests.consent.helpers import authors_group, review_workflow, user

# Revision fields Wagtail itself keeps up to date on every save.
BOOKKEEPING = {
    "latest_revision",
    "latest_revision_created_at",
    "has_unpublished_changes",
    "draft_title",
    "live_revision",
    "first_published_at",
    "last_published_at",
}


def reviewed(months_ago, days=0):
    """A last-review date that makes a 24-month interval fall due months_ago - 24 months ago."""
    today = timezone.localdate()
    return add_months(today + datetime.timedelta(days=days), -months_ago)


@pytest.fixture
def cycle(tree):
    polar, other = (f.MemberPageFactory(parent=tree.members) for _ in range(2))
    group = authors_group(tree.guides)
    author = user("author", group)
    Membership.objects.create(user=author, member=polar)
    other_author = user("other", group)
    Membership.objects.create(user=other_author, member=other)

    def guide(title, last_reviewed, member=polar):
        page = f.GuidePageFactory(
            parent=tree.guides, title=title, last_reviewed=last_reviewed, members=[member]
        )
        page.save_revision().publish()
        return page

    guides = {
        "month": guide("Overdue by a month", reviewed(25)),
        "year": guide("Overdue by a year", reviewed(36)),
        "soon": guide("Due in ten days", reviewed(24, days=10)),
        "fresh": guide("Reviewed today", reviewed(0)),
        "other": guide("Another member's guide", reviewed(30), member=other),
    }
    return author, other_author, guides


def test_the_dashboard_lists_due_guides_worst_first(cycle, client):
    author, _other, _guides = cycle
    client.force_login(author)
    page = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Guides due for review" in page
    positions = [
        page.index(title)
        for title in ("Overdue by a year", "Overdue by a month", "Due in ten days")
    ]
    assert positions == sorted(positions)
    assert "Reviewed today" not in page
    assert "Another member" not in page


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk)).count()


def field_value(content, key):
    """A field of a revision; StreamField values are JSON text whose key order depends on
    the database (PostgreSQL's jsonb sorts keys), so they are compared as data."""
    value = content.get(key)
    if isinstance(value, str) and value.startswith(("[", "{")):
        try:
            return json.loads(value)
        except ValueError:  # a title such as "[Draft] ..."
            return value
    return value


def changed_fields(before, after):
    return {
        key
        for key in before.content.keys() | after.content.keys()
        if field_value(before.content, key) != field_value(after.content, key)
        and key not in BOOKKEEPING
    }


def test_mark_as_reviewed_changes_only_the_date_and_goes_through_review(cycle, tree, client):
    author, _other, guides = cycle
    review_workflow(tree.guides, Group.objects.create(name="Test editors"))
    guide = guides["month"]
    before = Revision.objects.get(pk=guide.get_latest_revision().pk)
    revisions_before = revisions(guide)
    client.force_login(author)
    response = client.post(reverse("reviews_mark_reviewed", args=[guide.pk]), follow=True)
    assert "submitted to “Cluster review”" in response.content.decode()

    guide = GuidePage.objects.get(pk=guide.pk)
    after = guide.get_latest_revision()
    assert revisions(guide) == revisions_before + 1
    assert changed_fields(before, after) == {"last_reviewed"}
    assert after.content["last_reviewed"] == timezone.localdate().isoformat()
    assert guide.current_workflow_task.name == "Editor approval"
    assert guide.last_reviewed == reviewed(25)  # the live guide waits for the editor


def test_mark_as_reviewed_publishes_where_no_workflow_applies(cycle, client):
    _author, _other, guides = cycle
    WorkflowPage.objects.all().delete()
    client.force_login(user("editor", is_superuser=True))
    client.post(reverse("reviews_mark_reviewed", args=[guides["year"].pk]))
    guide = GuidePage.objects.get(pk=guides["year"].pk)
    assert guide.last_reviewed == timezone.localdate()
    assert not guide.has_unpublished_changes


def test_only_someone_who_may_edit_the_guide_marks_it(cycle, client):
    author, _other, guides = cycle
    guide = guides["year"]
    url = reverse("reviews_mark_reviewed", args=[guide.pk])
    outsider = user("outsider")
    outsider.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(outsider)
    response = client.post(url)
    assert response.status_code in (302, 403)
    assert GuidePage.objects.get(pk=guide.pk).get_latest_revision() == guide.get_latest_revision()
    client.force_login(author)
    assert client.get(url).status_code == 405


def test_reminders_are_sent_once_a_week_and_dry_run_sends_nothing(cycle):
    author, other, _guides = cycle
    user("fresh-only")  # writes for no member: nothing to remind
    out = StringIO()
    call_command("send_review_reminders", "--dry-run", stdout=out)
    assert "Would send to author@example.org: 3 guide(s) due" in out.getvalue()
    assert "Would send to other@example.org: 1 guide(s) due" in out.getvalue()
    assert mail.outbox == []
    assert not ReviewReminder.objects.exists()

    call_command("send_review_reminders", stdout=StringIO())
    assert sorted(message.to[0] for message in mail.outbox) == [author.email, other.email]
    digest = next(message for message in mail.outbox if message.to == [author.email])
    assert digest.subject == "3 guides are due for review"
    body = digest.body
    assert (
        body.index("Overdue by a year")
        < body.index("Overdue by a month")
        < body.index("Due in ten days")
    )
    assert "http://testserver/admin/pages/" in body

    out = StringIO()
    call_command("send_review_reminders", stdout=out)
    assert len(mail.outbox) == 2  # nothing more this week
    assert "Already reminded this week: author@example.org" in out.getvalue()
    assert ReviewReminder.objects.filter(user=author, guides=3).count() == 1
