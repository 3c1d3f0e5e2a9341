"""A token that changes whenever anything readers may be shown changes.

Caches of what readers are served (whole pages, search answers) put it in
their keys, so a change — a page published, unpublished, moved, restricted or
withheld, a topic renamed — is never hidden behind a cached copy, in any
process that shares the cache. Every saved or deleted row changes it, except
rows of the models in READER_WRITTEN_MODELS (search counts, feedback,
enquiries, sessions): readers write those and are shown none of them.

A change made in a transaction changes the token when the transaction
commits, once however many rows it wrote: other requests see the change only
then, and what they cached before is under the old token. A request that reads
its own change before the commit (a test inside its transaction) gets a new
token at once.
"""

import threading
import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.signals import post_page_move

KEY = "content-generation"
_thread = threading.local()


def content_generation():
    """The current token (made on first use)."""
    _thread.read_since_change = True
    token = cache.get(KEY)
    if token is None:
        cache.add(KEY, uuid.uuid4().hex, None)
        token = cache.get(KEY)  # another process may have made one first
    return token


def kept_while_unchanged(name, compute, seconds=300):
    """``compute()``, kept in this process until content changes.

    Computed afresh in a transaction that has changed content: other processes
    cannot see its change before it commits, so what they kept would not show it.
    """
    if _changing_in_this_transaction():
        return compute()
    key = f"{name}:{content_generation()}"
    value = caches["kept"].get(key)
    if value is None:
        value = compute()
        caches["kept"].set(key, value, seconds)
    return value


def kept_for_each(name, keys, compute, seconds=300):
    """{key: value} for each of ``keys``, each kept in this process until content
    changes; ``compute(keys)`` gives {key: value} for the keys not kept yet, and
    must give a value (not None) for each of them.

    For values looked up a few at a time out of many (the items on a page of
    results): the popular ones are kept, without keeping them all.
    """
    if _changing_in_this_transaction():
        return compute(keys)
    generation = content_generation()
    cache_keys = {key: f"{name}:{key}:{generation}" for key in keys}
    kept = caches["kept"].get_many(cache_keys.values())
    values = {key: kept[cache_key] for key, cache_key in cache_keys.items() if cache_key in kept}
    missing = [key for key in keys if key not in values]
    if missing:
        found = compute(missing)
        caches["kept"].set_many({cache_keys[key]: found[key] for key in missing}, seconds)
        values.update(found)
    return values


def _changing_in_this_transaction():
    return connection.in_atomic_block and any(
        callback is _new_generation for _ids, callback, _robust in connection.run_on_commit
    )


def _new_generation():
    cache.set(KEY, uuid.uuid4().hex, None)


def content_changed(sender=None, **kwargs):
    if not connection.in_atomic_block:
        _new_generation()
        return
    if getattr(_thread, "read_since_change", False):
        _thread.read_since_change = False
        _new_generation()
    if not _changing_in_this_transaction():
        transaction.on_commit(_new_generation)


def watch_content_changes():
    """Connect content_changed to every model readers do not write (called once apps are ready)."""
    ignored = {label.lower() for label in settings.READER_WRITTEN_MODELS}
    for model in apps.get_models():
        if model._meta.label_lower not in ignored:
            uid = f"content-changed:{model._meta.label_lower}"
            post_save.connect(content_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
    m2m_changed.connect(content_changed, dispatch_uid="content-changed:m2m")
    post_page_move.connect(content_changed, dispatch_uid="content-changed:move")
