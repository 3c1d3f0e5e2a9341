"""Users, groups and a review workflow for the consent and review-cycle tests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from consent.workflows import add_community_reviewer, add_consent_task


def user(username, *groups, **fields):
    account = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="pw", **fields
    )
    account.groups.add(*groups)
    return account


def authors_group(section):
    """A group that may edit (not publish) the pages under a section, in the admin."""
    group = Group.objects.create(name="Test authors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=section, permission=Permission.objects.get(codename=codename)
        )
    return group


def review_workflow(section, editors):
    """Community consent, then editor approval, on the pages under a section."""
    WorkflowPage.objects.all().delete()  # Wagtail's default "Moderators approval"
    workflow = Workflow.objects.create(name="Cluster review")
    task = GroupApprovalTask.objects.create(name="Editor approval")
    task.groups.set([editors])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    add_consent_task(workflow)
    WorkflowPage.objects.create(workflow=workflow, page=section)
    return workflow


def community_reviewer(username, community):
    reviewer = user(username)
    add_community_reviewer(reviewer, community)
    return reviewer
