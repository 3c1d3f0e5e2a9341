"""The Cluster editors group handles the enquiry inbox."""

from django.db import migrations

GROUP = "Cluster editors"
ACTIONS = ("view", "change", "delete")


def permissions(apps):
    # Permissions are normally created after all migrations ran; make sure they exist.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label="contact", model="enquiry")
    for action in ACTIONS:
        yield Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_enquiry",
            defaults={"name": f"Can {action} enquiry"},
        )[0]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_enquiry" for action in ACTIONS]
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
