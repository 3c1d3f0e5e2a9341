"""Community consent becomes the first step of the "Cluster review" workflow, so an item
about a community reaches the Cluster editors' approval (which publishes) only with its
communities' consent. Items about no community skip the step."""

from django.db import migrations

WORKFLOW = "Cluster review"
TASK = "Community consent"


def consent_first(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is None:
        return
    task = consent_task(apps)
    if WorkflowTask.objects.filter(workflow=workflow, task_id=task.pk).exists():
        return
    steps = WorkflowTask.objects.filter(workflow=workflow).order_by("sort_order")
    for order, step in enumerate(steps, start=1):
        step.sort_order = order
        step.save(update_fields=["sort_order"])
    WorkflowTask.objects.create(workflow=workflow, task_id=task.pk, sort_order=0)


def consent_task(apps):
    ConsentTask = apps.get_model("consent", "CommunityConsentTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    task = ConsentTask.objects.filter(name=TASK).first()
    if task is None:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="consent", model="communityconsenttask"
        )
        task = ConsentTask.objects.create(name=TASK, content_type=content_type)
    return task


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0001_initial"),
        ("workspaces", "0001_roles_and_review"),
    ]

    operations = [migrations.RunPython(consent_first, migrations.RunPython.noop)]
