"""The content generation: a token replaced whenever readers could be shown
something else. Kept copies carry it in their keys, so a change is never hidden
behind a copy, on any host that shares the ``default`` cache.

A change made in a transaction replaces the token when the transaction commits
(other requests see the change only then), and at once as well when the token has
been read since the last change, so a request that reads its own change before the
commit (a test inside its transaction) never gets an old copy.
"""

import threading
import uuid

from django.core.cache import caches
from django.db import connection, transaction

KEY = "content-generation"
_thread = threading.local()


def current():
    """The current token (made on first use)."""
    _thread.read_since_change = True
    shared = caches["default"]
    token = shared.get(KEY)
    if token is None:
        shared.add(KEY, uuid.uuid4().hex, None)
        token = shared.get(KEY)  # another process may have made one first
    return token


def replace():
    caches["default"].set(KEY, uuid.uuid4().hex, None)


def content_changed(sender=None, **kwargs):
    """Drop every kept copy: now outside a transaction, else when it commits."""
    if not connection.in_atomic_block:
        replace()
        return
    if getattr(_thread, "read_since_change", False):
        _thread.read_since_change = False
        replace()
    if not changing_in_this_transaction():
        transaction.on_commit(replace)


def changing_in_this_transaction():
    return connection.in_atomic_block and any(
        callback is replace for _ids, callback, _robust in connection.run_on_commit
    )


def kept(name, compute, seconds=300):
    """``compute()``, kept in this process's memory (the ``local`` cache) until content
    changes: for values worked out from the content that pages share.

    Computed afresh in a transaction that has changed content: other processes
    cannot see its change before it commits, so what they kept would not show it.
    """
    if changing_in_this_transaction():
        return compute()
    return kept_in("local", name, compute, seconds)


def kept_in(alias, name, compute, seconds, keep=lambda value: True):
    """``compute()``, kept in the cache ``alias`` until content changes, when ``keep``
    approves of it."""
    key = f"{name}:{current()}"
    cache = caches[alias]
    value = cache.get(key)
    if value is None:
        value = compute()
        if keep(value):
            cache.set(key, value, seconds)
    return value
