"""Putting community consent into a workflow, and making community reviewers."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext

from wagtail.models import Locale, WorkflowTask

from knowledgebase.models import Community

from .models import CommunityConsentTask, CommunityReviewer

REVIEWERS_GROUP = "Community reviewers"


def consent_task():
    task, _created = CommunityConsentTask.objects.get_or_create(name=gettext("Community consent"))
    return task


@transaction.atomic
def add_consent_task(workflow):
    """Add the community consent step at the end of a workflow (once); returns the task."""
    task = consent_task()
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        last = workflow.workflow_tasks.aggregate(last=Max("sort_order"))["last"]
        WorkflowTask.objects.create(
            workflow=workflow, task=task, sort_order=0 if last is None else last + 1
        )
    return task


def reviewers_group():
    """The "Community reviewers" group: it may use the admin, to review."""
    group, _created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    return group


def add_community_reviewer(user, community):
    """Make a user a reviewer for a community (its source-language snippet)."""
    user.groups.add(reviewers_group())
    source = Community.objects.get(
        translation_key=community.translation_key, locale=Locale.get_default()
    )
    link, _created = CommunityReviewer.objects.get_or_create(user=user, community=source)
    return link
