"""The items OAI-PMH has offered, kept after they disappear.

A harvester that took an item must learn when readers may no longer see it
(unpublished, deleted, restricted, withheld, moved under a hidden section), so
every change that can show or hide an item brings the ledger up to date: an item
that is no longer visible is marked deleted, one that comes back (or changes its
languages, type or members) gets a new change time. What is listed as live is
always decided afresh by ``legacy.records``; the ledger only adds the deleted ones
and the times of such changes.
"""

import threading
from contextlib import contextmanager

from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from knowledgebase.visibility import visibility_changed

from .models import HarvestRecord
from .records import harvestable_entries


def bring_up_to_date():
    """Record the items now visible, and mark deleted those that no longer are."""
    now = timezone.now()
    entries = harvestable_entries()
    records = {str(record.translation_key): record for record in HarvestRecord.objects.all()}
    for key, entry in entries.items():
        state = {"set_specs": entry.set_specs, "languages": sorted(entry.languages)}
        record = records.get(key)
        if record is None:
            HarvestRecord.objects.create(translation_key=key, changed_at=now, **state)
        elif record.deleted or state != {
            "set_specs": record.set_specs,
            "languages": record.languages,
        }:
            HarvestRecord.objects.filter(pk=record.pk).update(
                changed_at=now, deleted=False, **state
            )
    gone = [
        record.pk for key, record in records.items() if key not in entries and not record.deleted
    ]
    HarvestRecord.objects.filter(pk__in=gone).update(deleted=True, changed_at=now)


_deferred = threading.local()


@contextmanager
def deferred_updates():
    """Bring the ledger up to date once, at the end of a bulk change (loading content),
    instead of after each of its publishes: each update reads every visible item."""
    if getattr(_deferred, "active", False):
        yield
        return
    _deferred.active = True
    try:
        yield
    finally:
        _deferred.active = False
    bring_up_to_date()


def page_tree_changed(sender=None, **kwargs):
    if not getattr(_deferred, "active", False):
        bring_up_to_date()


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_tree_changed()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, visibility_changed):
        signal.connect(page_tree_changed, dispatch_uid="legacy-ledger")
    post_delete.connect(page_deleted, dispatch_uid="legacy-ledger")
    for signal in (post_save, post_delete):
        signal.connect(page_tree_changed, sender=PageViewRestriction, dispatch_uid="legacy-ledger")
