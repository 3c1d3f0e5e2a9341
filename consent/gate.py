"""The consent gate: an item that concerns communities reaches readers, and may be
published, only when every one of them has approved it.

Plugged into the content app's visibility rule through its hooks (see
consent/wagtail_hooks.py and knowledgebase.visibility), so listings, links,
search, the sitemap and serving all follow it, in every language.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from knowledgebase.models.base import content_models
from knowledgebase.visibility import visibility_changed

from .models import CommunityApproval


def pending_communities(page):
    """The communities the page concerns that have not approved its item yet."""
    communities = getattr(page, "communities", None)
    if communities is None:
        return []
    approved = set(
        CommunityApproval.objects.filter(page_translation_key=page.translation_key).values_list(
            "community__translation_key", flat=True
        )
    )
    return [c for c in communities.all() if c.translation_key not in approved]


def awaiting_consent(model):
    """Translation keys of the model's pages with a community that has not approved them."""
    approval = CommunityApproval.objects.filter(
        page_translation_key=OuterRef("translation_key"),
        community__translation_key=OuterRef("communities__translation_key"),
    )
    return model.objects.filter(communities__isnull=False).filter(~Exists(approval))


def withheld_translation_keys():
    """One queryset of the translation keys of every item awaiting consent."""
    from wagtail.models import Page

    awaiting = Q(pk__in=[])
    for model in content_models():
        awaiting |= Q(translation_key__in=awaiting_consent(model).values("translation_key"))
    return Page.objects.filter(awaiting).values("translation_key")


def publishing_refusal(page):
    pending = pending_communities(page)
    if not pending:
        return None
    return _(
        "“%(title)s” cannot be published yet: it concerns %(communities)s. A community "
        "reviewer of each must approve it first: submit it for review."
    ) % {"title": page.title, "communities": ", ".join(str(c) for c in pending)}


def record_approval(community, page, reviewer, note=""):
    approval, _created = CommunityApproval.objects.update_or_create(
        community=community,
        page_translation_key=page.translation_key,
        defaults={"page_id": page.pk, "reviewer": reviewer, "note": note},
    )
    return approval


def approval_changed(sender, instance, **kwargs):
    """Approving or withdrawing consent shows or hides the item: search follows."""
    visibility_changed.send(sender=sender, translation_keys=[instance.page_translation_key])
