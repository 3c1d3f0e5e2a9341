"""Demo data for community consent: two communities, a Traditional Knowledge and a
Biocultural notice (with French texts), a community reviewer, one guide the Sámi
community has approved and one about Kalaallit, awaiting their consent.

Idempotent, like the rest of the demo: what exists is left alone.
"""

from django.contrib.auth import get_user_model
from django.db import transaction

from wagtail.models import Locale

from knowledgebase.models import Community, CulturalNotice, GuideIndexPage, GuidePage, NoticeKind

from .gate import record_approval
from .workflows import add_community_reviewer, add_consent_task

REVIEWER = "demo-reviewer"  # the community reviewer of the demo users
APPROVED_GUIDE = "co-production-indigenous-knowledge"
AWAITING_GUIDE = "reading-sea-ice-with-kalaallit-hunters"

COMMUNITIES = {
    "sami": "Sámi reindeer herding communities",
    "kalaallit": "Kalaallit communities of Disko Bay",
}
NOTICES = {
    "traditional-knowledge": (
        NoticeKind.TRADITIONAL_KNOWLEDGE,
        "Traditional Knowledge notice",
        "This item includes traditional knowledge shared by the communities named here. "
        "It belongs to them: ask them before you use or share it beyond this page.",
        "Notice Savoirs traditionnels",
        "Ce contenu comprend des savoirs traditionnels partagés par les communautés nommées "
        "ici. Ils leur appartiennent : demandez-leur avant de les utiliser ou de les "
        "diffuser au-delà de cette page.",
    ),
    "biocultural": (
        NoticeKind.BIOCULTURAL,
        "Biocultural notice",
        "Observations and samples described here come from the lands and waters of the "
        "communities named. Their rights to them continue after the research.",
        "Notice bioculturelle",
        "Les observations et les échantillons décrits ici proviennent des terres et des eaux "
        "des communautés nommées. Leurs droits sur eux continuent après la recherche.",
    ),
}
AWAITING_BODY = [
    (
        "paragraph",
        "<p>Hunters in Disko Bay read the sea ice by its colour, its sound under a harpoon "
        "and the way snow lies on it. This guide, written with them, describes the signs they "
        "use before a team goes onto the ice.</p>",
    ),
    (
        "paragraph",
        "<p>It awaits the consent of the Kalaallit communities named here before it is "
        "published.</p>",
    ),
]


@transaction.atomic
def load_consent_demo(log=print):
    english = Locale.get_default()
    communities = {
        key: Community.objects.get_or_create(key=key, locale=english, defaults={"name": name})[0]
        for key, name in COMMUNITIES.items()
    }
    notices = {key: notice(key, *texts) for key, texts in NOTICES.items()}
    reviewer, _created = get_user_model().objects.get_or_create(
        username=REVIEWER, defaults={"email": "demo-reviewer@example.org"}
    )
    for community in communities.values():
        add_community_reviewer(reviewer, community)
    approve_guide(communities["sami"], notices["traditional-knowledge"], reviewer)
    add_awaiting_guide(communities["kalaallit"], list(notices.values()))
    log("  community consent: 1 guide approved, 1 awaiting consent")


def notice(key, kind, label, text, french_label, french_text):
    english = Locale.get_default()
    source, created = CulturalNotice.objects.get_or_create(
        key=key, locale=english, defaults={"kind": kind, "label": label, "text": text}
    )
    french = Locale.objects.filter(language_code="fr").first()
    if created and french:
        translation = source.copy_for_translation(french)
        translation.label, translation.text = french_label, french_text
        translation.save()
    return source


def approve_guide(community, notice, reviewer):
    """The Sámi communities approved a co-production guide: it carries their notice."""
    guide = GuidePage.objects.filter(slug=APPROVED_GUIDE, locale=Locale.get_default()).first()
    if guide is None or guide.communities.exists():
        return
    record_approval(community, guide, reviewer, note="Approved at the herders' spring meeting.")
    for version in guide.get_translations(inclusive=True).specific():
        version.communities.set([community])
        version.notices.set([notice])
        if version.alias_of_id is None:
            version.save_revision().publish()


def add_awaiting_guide(community, notices):
    """A draft guide about the Kalaallit, submitted for review and awaiting their consent."""
    index = GuideIndexPage.objects.filter(locale=Locale.get_default()).first()
    if index is None or GuidePage.objects.filter(slug=AWAITING_GUIDE).exists():
        return
    guide = GuidePage(
        title="Reading sea ice with Kalaallit hunters",
        slug=AWAITING_GUIDE,
        summary="The signs Kalaallit hunters use to judge sea ice before a team goes onto it.",
        body=AWAITING_BODY,
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
