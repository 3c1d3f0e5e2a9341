"""The "Cluster review" workflow: a Cluster editor approves guides, lessons and legacy
outputs before they are published, in every language.

Wagtail e-mails each step (submitted, approved, rejected, comments) to those
concerned; ``cluster_review()`` returns the workflow so that further tasks can
be appended to it.
"""

from django.apps import apps as global_apps

from knowledgebase import content_types

from .roles import CLUSTER_EDITORS, group

WORKFLOW = "Cluster review"
EDITOR_APPROVAL = "Editor approval"
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"


def cluster_review(apps=global_apps):
    """The workflow with its editor approval task, created if missing."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    if not WorkflowTask.objects.filter(workflow=workflow, task__name=EDITOR_APPROVAL).exists():
        WorkflowTask.objects.create(
            workflow=workflow,
            task=editor_approval(apps),
            sort_order=workflow_length(apps, workflow),
        )
    return workflow


def editor_approval(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    task = GroupApprovalTask.objects.filter(name=EDITOR_APPROVAL).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=EDITOR_APPROVAL, content_type=content_type)
    task.groups.add(group(apps, CLUSTER_EDITORS))
    return task


def workflow_length(apps, workflow):
    return apps.get_model("wagtailcore", "WorkflowTask").objects.filter(workflow=workflow).count()


def assign_review(apps, page):
    """Items under this page go through the Cluster review (unless it has another workflow)."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowPage.objects.get_or_create(page_id=page.pk, defaults={"workflow": cluster_review(apps)})


def setup_review(apps):
    """The workflow on every reviewed index, and at the root in place of Wagtail's default
    "Moderators approval" (its group has no members here), so that translations and other
    pages go to the Cluster editors too."""
    workflow = cluster_review(apps)
    for content_type in content_types.reviewed_types():
        index_model = apps.get_model(content_type.index_model_label)
        for page in index_model.objects.all():
            assign_review(apps, page)
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    root = apps.get_model("wagtailcore", "Page").objects.filter(depth=1).first()
    if root is not None:
        WorkflowPage.objects.filter(
            page_id=root.pk, workflow__name=WAGTAIL_DEFAULT_WORKFLOW
        ).delete()
        WorkflowPage.objects.get_or_create(page_id=root.pk, defaults={"workflow": workflow})
