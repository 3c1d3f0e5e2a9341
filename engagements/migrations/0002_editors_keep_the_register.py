"""Cluster editors may add, change, delete and view every engagement and "no visits
please" period; authors and community reviewers get their rows through
engagements.permissions, not through model permissions."""

from django.db import migrations

EDITORS = "Cluster editors"
MODELS = ("engagement", "novisitperiod")
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    editors, _created = Group.objects.get_or_create(name=EDITORS)
    for model in MODELS:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="engagements", model=model
        )
        for action in ACTIONS:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            editors.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("engagements", "0001_initial"),
        ("workspaces", "0001_roles_and_review"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
