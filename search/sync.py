"""Keeping the index in step with the pages.

Every change that can alter a search document (publish, unpublish, delete,
move, privacy, a translation published, a topic, region or member renamed)
hands the documents of the affected translation groups to the database engine,
which stores them in the same transaction as the change, and, when the
configured engine is remote, queues the groups for it. A django-tasks task, run
by the background worker (``db_worker``), pushes the queue after the transaction
commits: never in the editor's request. If the engine is down the queue stays,
and the task tries again later, doubling the wait up to 5 minutes; a group the
engine rejects is retried a few times and then set aside without holding up the
rest.
"""

import datetime
import logging
import threading
from contextlib import contextmanager

from django.apps import apps
from django.db import transaction
from django.db.models import F, Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from django_tasks import task

from knowledgebase.models import MemberPage
from knowledgebase.visibility import visibility_changed, visible
from search import facets
from search.documents import INDEXED_MODELS, build_group_documents
from search.engines.base import EngineError, EngineUnavailable
from search.models import PendingIndexUpdate
from search.service import get_engine, local_copy, uses_remote_engine

logger = logging.getLogger(__name__)

# Sent with translation_keys=[...] when the index (the database copy or the remote
# engine) has changed: searches may now answer otherwise.
index_changed = Signal()

PUSH_BATCH = 500
MAX_ATTEMPTS = 5  # rejections before a group is set aside
REJECTED_RETRY_FIRST = 30  # seconds; doubles after each rejection
OUTAGE_RETRY_FIRST = 5  # seconds; doubles after each outage in a row
OUTAGE_RETRY_MAX = 300


def store_group(translation_key, documents):
    """Make the database copy of one group match its documents."""
    local_copy().apply({translation_key: documents})


_deferred = threading.local()


@contextmanager
def deferred_reindexing():
    """Collect the groups a bulk change touches and reindex each once, at the end."""
    if getattr(_deferred, "keys", None) is not None:
        yield
        return
    _deferred.keys = set()
    try:
        yield
        keys = _deferred.keys
    finally:
        _deferred.keys = None
    reindex_groups(keys)


def reindex_groups(translation_keys):
    """Rewrite these groups' documents and queue them for the remote engine."""
    keys = sorted({str(key) for key in translation_keys})
    if getattr(_deferred, "keys", None) is not None:
        _deferred.keys.update(keys)
        return
    for key in keys:
        store_group(key, build_group_documents(key))
    if keys:
        index_changed.send(sender=None, translation_keys=keys)
    if keys and uses_remote_engine():
        queue_groups(keys)
        transaction.on_commit(push_pending_updates.enqueue)


def queue_groups(keys):
    """Queue groups for the engine; a change gives a set-aside group a fresh start and a
    new version, so a push that read the previous one leaves it queued."""
    fresh_start = {"attempts": 0, "retry_at": None, "set_aside": False, "last_error": ""}
    for key in keys:
        PendingIndexUpdate.objects.update_or_create(
            translation_key=key,
            defaults={**fresh_start, "version": F("version") + 1},
            create_defaults=fresh_start,
        )


def due_updates(started):
    """Queued groups to push now: not set aside, not waiting for a retry."""
    waiting = Q(retry_at__isnull=False) & Q(retry_at__gt=timezone.now())
    return list(
        PendingIndexUpdate.objects.filter(set_aside=False, queued_at__lte=started)
        .exclude(waiting)
        .order_by("queued_at")[:PUSH_BATCH]
    )


@task()
def push_pending_updates(outages=0):
    """Send queued groups to the remote engine, one bulk request per batch.

    A group the engine rejects is retried with backoff and set aside after
    MAX_ATTEMPTS; an outage keeps everything queued and schedules another try,
    later after each outage in a row. Returns the number of groups pushed.
    """
    if not uses_remote_engine():
        return 0
    engine, pushed = get_engine(), 0
    started = timezone.now()
    while batch := due_updates(started):
        groups = {str(pending.translation_key): [] for pending in batch}
        for document in local_copy().documents(groups):
            groups[document["translation_key"]].append(document)
        try:
            rejected = engine.apply(groups)
        except EngineUnavailable as error:
            wait_for_engine(batch, error, outages)
            return pushed
        except EngineError as error:  # the whole request was refused
            rejected = dict.fromkeys(groups, str(error))
        note_rejections(batch, rejected)
        accepted = [p for p in batch if str(p.translation_key) not in rejected]
        remove_pushed(accepted)
        pushed += len(accepted)
        if accepted:
            index_changed.send(sender=PendingIndexUpdate, translation_keys=list(groups))
    return pushed


def remove_pushed(pending_updates):
    """Take the pushed groups off the queue, unless a change was queued since they
    were read: that entry stays for the next push."""
    # Locked first, so a change committing meanwhile is either seen or waited for.
    with transaction.atomic():
        unchanged = as_read(pending_updates).select_for_update().values_list("pk", flat=True)
        PendingIndexUpdate.objects.filter(pk__in=list(unchanged)).delete()


def as_read(pending_updates):
    """These queue entries as long as no change was queued since they were read (even
    by a transaction that began before the push and committed after it)."""
    unchanged = Q(pk__in=[])
    for pending in pending_updates:
        unchanged |= Q(pk=pending.pk, version=pending.version)
    return PendingIndexUpdate.objects.filter(unchanged)


def wait_for_engine(batch, error, outages):
    """The engine is down: keep the queue and try again later (if a worker runs tasks)."""
    logger.warning(
        "Search engine unavailable; %d updates stay queued: %s",
        PendingIndexUpdate.objects.count(),
        error,
    )
    PendingIndexUpdate.objects.filter(pk__in=[p.pk for p in batch]).update(
        last_error=str(error)[:1000]
    )
    if push_pending_updates.get_backend().supports_defer:
        delay = min(OUTAGE_RETRY_FIRST * 2**outages, OUTAGE_RETRY_MAX)
        push_pending_updates.using(
            run_after=timezone.now() + datetime.timedelta(seconds=delay)
        ).enqueue(outages=outages + 1)


def note_rejections(batch, rejected):
    """Count a rejection; retry later (backoff), or set the group aside after the cap."""
    for pending in batch:
        reason = rejected.get(str(pending.translation_key))
        if reason is None:
            continue
        pending.attempts += 1
        pending.last_error = reason
        pending.set_aside = pending.attempts >= MAX_ATTEMPTS
        delay = REJECTED_RETRY_FIRST * 2 ** (pending.attempts - 1)
        pending.retry_at = timezone.now() + datetime.timedelta(seconds=delay)
        as_read([pending]).update(
            attempts=pending.attempts,
            last_error=pending.last_error,
            set_aside=pending.set_aside,
            retry_at=pending.retry_at,
        )
        log = logger.error if pending.set_aside else logger.warning
        log(
            "Search engine rejected group %s (attempt %d%s): %s",
            pending.translation_key,
            pending.attempts,
            ", set aside" if pending.set_aside else "",
            reason,
        )


def rebuild_database_copy(progress=None):
    """Rebuild every group's documents from the pages; returns the number of documents."""
    keys = set(
        visible(
            Page.objects.filter(alias_of__isnull=True, content_type__in=indexed_content_types())
        ).values_list("translation_key", flat=True)
    )
    local_copy().remove_all_but(keys)
    count = 0
    for done, key in enumerate(sorted(map(str, keys)), start=1):
        documents = build_group_documents(key)
        store_group(key, documents)
        count += len(documents)
        if progress:
            progress(done, len(keys))
    return count


def indexed_page_models():
    """The indexed models and the page types built on them (events and working groups
    are activities): pages and signals name their own, most specific, class."""
    return [model for model in apps.get_models() if issubclass(model, INDEXED_MODELS)]


def indexed_content_types():
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_models(*indexed_page_models()).values()


# What a change touches -----------------------------------------------------------


def groups_tagged_with(taxonomy, keys):
    """Translation keys of the pages tagged with any of these keys of a taxonomy (a
    facet's hierarchy: topics, regions), through the fields that relate them to it."""
    found = set()
    for model in INDEXED_MODELS:
        for name in tagging_fields(model, taxonomy):
            found.update(
                model.objects.filter(**{f"{name}__key__in": keys}).values_list(
                    "translation_key", flat=True
                )
            )
    return found


def tagging_fields(model, taxonomy):
    """The names of a page model's own many-to-many fields to a taxonomy model."""
    return [
        field.name
        for field in model._meta.get_fields()
        if field.many_to_many and not field.auto_created and field.related_model is taxonomy
    ]


def taxonomies():
    """The taxonomy models the facets arrange their values by (a new one is followed
    by registering its facet)."""
    return {facet.hierarchy for facet in facets.all_facets() if facet.hierarchy is not None}


def groups_of_member(member):
    found = {member.translation_key}
    for model in INDEXED_MODELS:
        if model is not MemberPage:
            found.update(
                model.objects.filter(members__translation_key=member.translation_key).values_list(
                    "translation_key", flat=True
                )
            )
    return found


def groups_in_subtree(page):
    """The groups of the pages under a page, and of the content naming a member there."""
    found = set(
        page.get_descendants(inclusive=True)
        .filter(content_type__in=indexed_content_types())
        .values_list("translation_key", flat=True)
    )
    for member in MemberPage.objects.descendant_of(page, inclusive=True):
        found |= groups_of_member(member)
    return found


# Signal handlers ---------------------------------------------------------------


def on_page_changed(sender, instance, **kwargs):
    if instance.alias_of_id is not None:
        return  # its source's group is reindexed once, for all its aliases
    keys = {instance.translation_key}
    if isinstance(instance, MemberPage):
        keys |= groups_of_member(instance)
    reindex_groups(keys)


def on_page_deleted(sender, instance, **kwargs):
    # The general page row goes after the specific one: reindex once both are gone.
    keys = {instance.translation_key}
    if isinstance(instance, MemberPage):
        keys |= groups_of_member(instance)
    transaction.on_commit(lambda: reindex_groups(keys))


def on_subtree_changed(sender, instance, **kwargs):
    reindex_groups(groups_in_subtree(instance))


def on_section_published(sender, instance, **kwargs):
    """A section (an index or home page) published or unpublished shows or hides
    what is below it; content pages have their own handlers."""
    if not isinstance(instance, INDEXED_MODELS) and instance.alias_of_id is None:
        on_subtree_changed(sender, instance)


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        reindex_groups(groups_in_subtree(page))


def on_taxonomy_changed(sender, instance, **kwargs):
    reindex_groups(groups_tagged_with(sender, sender.descendant_keys(instance.key)))


def on_visibility_changed(sender, translation_keys, **kwargs):
    """Another app withheld or released items (e.g. a community's consent)."""
    reindex_groups(translation_keys)


def connect():
    for model in indexed_page_models():
        page_published.connect(on_page_changed, sender=model)
        page_unpublished.connect(on_page_changed, sender=model)
        post_delete.connect(on_page_deleted, sender=model)
    page_published.connect(on_section_published)
    page_unpublished.connect(on_section_published)
    post_page_move.connect(on_subtree_changed)
    post_save.connect(on_restriction_changed, sender=PageViewRestriction)
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction)
    for model in taxonomies():
        post_save.connect(on_taxonomy_changed, sender=model)
        post_delete.connect(on_taxonomy_changed, sender=model)
    visibility_changed.connect(on_visibility_changed)


def engine_health():
    """The engine's health. Only read: what an outage held back is pushed by the
    worker's own retries (wait_for_engine), never by whoever asks."""
    return get_engine().health()


def index_queue():
    """How many groups wait for the engine, and how many it rejected too often."""
    return {
        "index_queue": PendingIndexUpdate.objects.filter(set_aside=False).count(),
        "index_set_aside": PendingIndexUpdate.objects.filter(set_aside=True).count(),
    }
