"""Community consent in the demo (demo/data/consent.yaml): communities, cultural notices,
their community reviewer, an approved guide and a guide awaiting consent.

Idempotent, like the rest of the demo: what exists is left alone.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.models import Locale

from consent.models import record_approval
from consent.workflows import add_community_reviewer, add_consent_task
from knowledgebase.models import Community, CulturalNotice, GuideIndexPage, GuidePage

from .files import read_data


@transaction.atomic
def load_consent_demo(log=print):
    data = read_data("consent")
    english = Locale.get_default()
    communities = {
        key: Community.objects.get_or_create(key=key, locale=english, defaults={"name": name})[0]
        for key, name in data["communities"].items()
    }
    notices = {key: notice(key, texts) for key, texts in data["notices"].items()}
    reviewer, _created = get_user_model().objects.get_or_create(
        username=data["reviewer"], defaults={"email": f"{data['reviewer']}@example.org"}
    )
    for community in communities.values():
        add_community_reviewer(reviewer, community)
    approved = data["approved"]
    community, notice_given = communities[approved["community"]], notices[approved["notice"]]
    approve_guide(approved, community, notice_given, reviewer)
    awaiting = data["awaiting"]
    add_awaiting_guide(
        awaiting["guide"],
        communities[awaiting["community"]],
        [notices[key] for key in awaiting["notices"]],
    )
    log("  community consent: 1 guide approved, 1 awaiting consent")


def notice(key, texts):
    source, created = CulturalNotice.objects.get_or_create(
        key=key, locale=Locale.get_default(), defaults={"kind": texts["kind"], **texts["en"]}
    )
    french = Locale.objects.filter(language_code="fr").first()
    if created and french:
        translation = source.copy_for_translation(french)
        translation.label, translation.text = texts["fr"]["label"], texts["fr"]["text"]
        translation.save()
    return source


def approve_guide(approved, community, notice, reviewer):
    """The community approved a guide: it carries their notice in every language."""
    guide = GuidePage.objects.filter(slug=approved["guide"], locale=Locale.get_default()).first()
    if guide is None or guide.communities.exists():
        return
    record_approval(community, guide, reviewer, note=approved["note"])
    for version in guide.get_translations(inclusive=True).specific():
        version.communities.set([community])
        version.notices.set([notice])
        if version.alias_of_id is None:
            version.save_revision().publish()


def add_awaiting_guide(fields, community, notices):
    """A draft guide about a community, submitted for review and awaiting their consent."""
    index = GuideIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None or GuidePage.objects.filter(slug=fields["slug"]).exists():
        return
    guide = GuidePage(
        title=fields["title"],
        slug=fields["slug"],
        summary=fields["summary"],
        body=[("paragraph", paragraph) for paragraph in fields["body"]],
        live=False,
        locale=Locale.get_default(),
    )
    guide.communities.set([community])
    guide.notices.set(notices)
    index.add_child(instance=guide)
    revision = guide.save_revision()
    workflow = guide.get_workflow()
    if workflow is not None:
        add_consent_task(workflow)
        workflow.start(guide, revision.user)
