"""Putting community consent into a workflow, and making community reviewers."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils.translation import gettext

from wagtail.models import Locale, WorkflowTask

from knowledgebase.models import Community

from .models import REVIEWERS_GROUP, CommunityConsentTask, CommunityReviewer


def consent_task():
    task, _created = CommunityConsentTask.objects.get_or_create(name=gettext("Community consent"))
    return task


@transaction.atomic
def add_consent_task(workflow):
    """Make community consent the first step of a workflow (once); returns the task.

    First, so that the communities see the item before the editors' approval,
    which publishes it, comes last: a community reviewer needs no right to publish.
    """
    task = consent_task()
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        steps = WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order")
        for order, step in enumerate(steps, start=1):
            step.sort_order = order
            step.save(update_fields=["sort_order"])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
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
