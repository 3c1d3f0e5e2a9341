"""The consent gate: an item that concerns communities reaches readers, and may be
published, only when every one of them has released it.

The communities whose consent an item needs are those it names now and every one
whose consent was asked before (``ConsentRequest``), so that unticking a community
does not remove its consent. A community releases the item by approving it or by
a reviewer's statement that it does not concern them.

Plugged into the content app's visibility rule through its hooks (see
consent/wagtail_hooks.py and knowledgebase.visibility), so listings, links,
search, the sitemap and serving all follow it, in every language.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _

from wagtail.models import Page

from knowledgebase.models.base import content_models
from knowledgebase.visibility import visibility_changed

from .models import RELEASES, ConsentRequest, pending_communities, record_requests


def released(item, community):
    """Q: an approval or a "does not concern us" statement for the item and community
    at these outer fields."""
    condition = Q(pk__in=[])
    for model in RELEASES:
        condition |= Exists(
            model.objects.filter(
                page_translation_key=OuterRef(item),
                community__translation_key=OuterRef(community),
            )
        )
    return condition


def awaiting_consent(model):
    """Translation keys of the model's pages naming a community that has not released them."""
    named = model.objects.filter(communities__isnull=False)
    return named.exclude(released("translation_key", "communities__translation_key"))


def unreleased_requests():
    return ConsentRequest.objects.exclude(
        released("page_translation_key", "community__translation_key")
    )


def withheld_translation_keys():
    """One queryset of the translation keys of every item awaiting consent."""
    awaiting = Q(translation_key__in=unreleased_requests().values("page_translation_key"))
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


def requested_on_publication(sender, instance, **kwargs):
    """A page published naming communities keeps needing their consent."""
    record_requests(instance)


def consent_changed(sender, instance, **kwargs):
    """Asking, giving or withdrawing consent shows or hides the item: search follows."""
    visibility_changed.send(sender=sender, translation_keys=[instance.page_translation_key])
