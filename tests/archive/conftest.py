"""The demo knowledge base with items readers may not see, exported once for the package:
the static archive (English and Kalaallisut, as a BagIt bag) and the English ZIM."""

import io
import types
from io import StringIO

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import transaction

from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import PageViewRestriction

import pytest
from PIL import Image as PillowImage

from activities.models import ActivitiesIndexPage
from consent.models import CommunityApproval
from demo.files import read_data
from knowledgebase import models as kb
from tests import factories as f

# Words found nowhere else in the demo, so that finding one anywhere is a leak.
RESTRICTED_WORD = "quillistrad"
DRAFT_WORD = "vornikelp"


def add_hidden_items():
    """A restricted guide, a draft, and consent withdrawn from a live guide (the demo
    already has a guide awaiting consent). Returns texts of theirs no reader may see
    (not the withdrawn guide's title: a topic's description says the same)."""
    guides = kb.GuideIndexPage.objects.get(locale__language_code="en")
    restricted = f.GuidePageFactory(
        parent=guides,
        title="Walrus haul-out census protocol",
        slug="walrus-haul-out-census",
        body=[("paragraph", f"<p>Count from the {RESTRICTED_WORD} ridge at dawn.</p>")],
    )
    PageViewRestriction.objects.create(
        page=restricted, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    draft = f.GuidePageFactory.build(
        title="Narwhal tusk sampling checklist",
        slug="narwhal-tusk-sampling",
        body=[("paragraph", f"<p>Keep the {DRAFT_WORD} swabs cold.</p>")],
        live=False,
    )
    guides.add_child(instance=draft)
    draft.save_revision()
    hidden_activities = add_hidden_activities()
    consent = read_data("consent")
    english = kb.GuidePage.objects.filter(locale__language_code="en")
    withdrawn = english.get(slug=consent["approved"]["guide"])
    CommunityApproval.objects.filter(page_translation_key=withdrawn.translation_key).delete()
    awaiting = english.get(slug=consent["awaiting"]["guide"]["slug"])
    station = f.InfrastructurePageFactory(
        parent=kb.InfrastructureIndexPage.objects.get(locale__language_code="en"),
        title="Skuaholm field hut",
        slug="skuaholm-field-hut",
    )
    PageViewRestriction.objects.create(
        page=station, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    return [
        *unlisted_contacts(), station.title, station.slug,
        RESTRICTED_WORD, restricted.title, restricted.slug,
        DRAFT_WORD, draft.title, draft.slug,
        withdrawn.summary, withdrawn.slug, awaiting.title, awaiting.slug,
        *hidden_activities,
    ]  # fmt: skip


def unlisted_contacts():
    """The names and e-mails of the demo's contact points who did not agree to be listed."""
    return [
        text
        for member in read_data("members")
        for point in member["contact_points"]
        if not point["agreed_to_be_listed"]
        for text in (point["name"], point["email"])
        if text
    ]


def add_hidden_activities():
    """A restricted event and a draft working group; their titles and slugs."""
    index = ActivitiesIndexPage.objects.get(locale__language_code="en")
    restricted = f.EventPageFactory(
        parent=index, title="Walrus counters' briefing", slug="walrus-counters-briefing"
    )
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    draft = f.WorkingGroupPageFactory(
        parent=index, title="Narwhal tusk working group", slug="narwhal-tusk-group", live=False
    )
    return [restricted.title, restricted.slug, draft.title, draft.slug]


def add_guide_with_image_and_download():
    png = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), "#0b5c8e").save(png, "PNG")
    image = Image.objects.create(title="Sledge", file=ContentFile(png.getvalue(), "sledge.png"))
    document = Document.objects.create(
        title="Packing list", file=ContentFile(b"stove, fuel, tent\n", "packing-list.txt")
    )
    return f.GuidePageFactory(
        parent=kb.GuideIndexPage.objects.get(locale__language_code="en"),
        title="Loading a Nansen sledge",
        slug="loading-a-nansen-sledge",
        body=[
            ("image", {"image": image, "alt_text": "A loaded sledge", "caption": ""}),
            ("document", {"document": document, "title": "The packing list"}),
        ],
    )


@pytest.fixture(scope="package")
def exported(django_db_setup, django_db_blocker, tmp_path_factory):
    out = tmp_path_factory.mktemp("export")
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=StringIO())
        hidden = add_hidden_items()
        add_guide_with_image_and_download()
        archive_log = StringIO()
        call_command(
            "export_archive",
            "--out", str(out / "archive"), "--language", "en", "--language", "kl", "--bagit",
            stdout=archive_log,
        )  # fmt: skip
        call_command(
            "export_zim", "--language", "en", "--out", str(out / "en.zim"), stdout=StringIO()
        )
        yield types.SimpleNamespace(
            archive=out / "archive",
            files=out / "archive" / "data",
            zim=out / "en.zim",
            hidden=hidden,
            archive_log=archive_log.getvalue(),
        )
        transaction.set_rollback(True)
