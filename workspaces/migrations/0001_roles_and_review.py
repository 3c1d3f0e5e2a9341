"""The Cluster's groups, their permissions and the "Cluster review" workflow
(workspaces.roles and workspaces.workflows; both can run again safely)."""

from django.db import migrations

from workspaces.roles import setup_roles
from workspaces.workflows import setup_review

WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def forwards(apps, schema_editor):
    setup_roles(apps)
    setup_review(apps)
    # Wagtail's default groups may edit, publish and delete every page: rights go by role here.
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupPagePermission.objects.filter(group__name__in=WAGTAIL_DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("knowledgebase", "0005_membership"),
        ("home", "0002_initial"),
        ("search", "0003_cluster_editors_search_insight"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
