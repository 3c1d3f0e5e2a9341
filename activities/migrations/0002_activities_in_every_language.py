"""An activities index under every language's home page of an existing site; a new
site gets its own from the demo loader or the editors."""

import uuid

from django.db import migrations

STEP_LENGTH = 4  # treebeard's materialised path: four base-36 characters per level
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def path_step(number):
    digits = ""
    while number:
        number, remainder = divmod(number, 36)
        digits = ALPHABET[remainder] + digits
    return digits.rjust(STEP_LENGTH, "0")


def add_indexes(apps, schema_editor):
    HomePage = apps.get_model("home", "HomePage")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    ActivitiesIndexPage = apps.get_model("activities", "ActivitiesIndexPage")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="activities", model="activitiesindexpage"
    )
    translation_key = uuid.uuid4()
    for home in HomePage.objects.all():
        if Page.objects.filter(path__startswith=home.path, depth=home.depth + 1, slug="activities"):
            continue
        children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        last = children.order_by("-path").values_list("path", flat=True).first()
        number = int(last[-STEP_LENGTH:], 36) + 1 if last else 1
        ActivitiesIndexPage.objects.create(
            title="Activities",
            draft_title="Activities",
            slug="activities",
            path=home.path + path_step(number),
            depth=home.depth + 1,
            url_path=f"{home.url_path}activities/",
            live=True,
            show_in_menus=True,
            content_type=content_type,
            locale_id=home.locale_id,
            translation_key=translation_key,
            introduction="Events, working groups and the joint calendar of Cluster members.",
        )
        Page.objects.filter(pk=home.pk).update(numchild=children.count() + 1)


class Migration(migrations.Migration):
    dependencies = [
        ("activities", "0001_initial"),
        ("home", "0002_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(add_indexes, migrations.RunPython.noop)]
