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

from django.db.models import BooleanField, Value
from django.utils.translation import gettext as _

from knowledgebase.models.base import content_models
from knowledgebase.visibility import visibility_changed

from .models import RELEASES, ConsentRequest, pending_communities, record_requests


def withheld_translation_keys():
    """The translation keys of the items that name, or whose consent was asked of, a
    community that has not released them.

    Worked out from the (item, community) pairs of each table, read in one query. As
    one query with a subquery per content type and release, Django took 8 ms to build
    it, more than the database took to run it, on every page a reader is shown afresh.
    """
    released, needed = set(), set()
    for item, community, releases in pairs_query():
        (released if releases else needed).add((item, community))
    return {item for item, community in needed - released}


def pairs_query():
    """(item, community, whether it releases the item) from every table that says so."""

    def pairs(queryset, item, community, releases):
        return queryset.order_by().values_list(item, community, Value(releases, BooleanField()))

    first, *rest = [
        *(
            pairs(model.objects, "page_translation_key", "community__translation_key", True)
            for model in RELEASES
        ),
        pairs(ConsentRequest.objects, "page_translation_key", "community__translation_key", False),
        *(
            pairs(
                model.objects.filter(communities__isnull=False),
                "translation_key",
                "communities__translation_key",
                False,
            )
            for model in content_models()
        ),
    ]
    return first.union(*rest, all=True)


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
