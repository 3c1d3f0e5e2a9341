"""The Cluster editors group may read the search report and manage editors' picks."""

from django.db import migrations

GROUP = "Cluster editors"
PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("search", "dailysearchcount", "view_dailysearchcount", "Can view daily search count"),
    *(
        ("wagtailsearchpromotions", "searchpromotion", f"{action}_searchpromotion",
         f"Can {action} search promotion")
        for action in ("add", "change", "delete")
    ),
]


def permissions(apps):
    # Permissions are normally created after all migrations ran; make sure they exist.
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model, codename, name in PERMISSIONS:
        content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
        yield Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )[0]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    codenames = [codename for *_labels, codename, _name in PERMISSIONS if codename != "access_admin"]
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*Permission.objects.filter(codename__in=codenames))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_daily_search_counts"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
