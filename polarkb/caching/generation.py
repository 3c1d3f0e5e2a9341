"""The content generation: a token replaced whenever readers could be shown
something else. Kept copies carry it in their keys, so a change is never hidden
behind a copy, on any host that shares the ``default`` cache.

A change made in a transaction replaces the token when the transaction commits
(other requests see the change only then), and at once as well when the token has
been read since the last change, so a request that reads its own change before the
commit (a test inside its transaction) never gets an old copy.

A reading request (GET or HEAD) reads the token once (knowledgebase.per_request): a
search asks for it for each vocabulary it reads, and each read is a file or a Redis
round trip.
"""

import threading
import time
import uuid

from django.core.cache import caches
from django.db import connection, transaction

from knowledgebase.per_request import forget, remember

KEY = "content-generation"
_thread = threading.local()


def current():
    """The current token (made on first use)."""
    _thread.read_since_change = True
    return remember(KEY, shared_token)


def shared_token():
    shared = caches["default"]
    token = shared.get(KEY)
    if token is None:
        shared.add(KEY, uuid.uuid4().hex, None)
        token = shared.get(KEY)  # another process may have made one first
    return token


def replace():
    forget(KEY)
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


# name -> (generation, monotonic expiry, value)
_objects = {}


def kept_as_object(name, compute, seconds):
    """``compute()``, kept as the object itself in this process's memory until content
    changes or ``seconds`` pass: for large values that callers only read, read several
    times in one request.

    Django's local-memory cache pickles what it keeps and unpickles it on every read,
    so that no caller can change the kept copy. For the index's vocabulary at 100,000
    items (hundreds of thousands of words), read once per word searched, that copy
    cost 2.5 ms per search, more than the rest of the search's own Python work. One
    entry per name: a new generation replaces the old value, so memory stays bounded
    by the names in use.
    """
    token = current()
    found = _objects.get(name)
    now = time.monotonic()
    if found and found[0] == token and now < found[1]:
        return found[2]
    value = compute()
    _objects[name] = (token, now + seconds, value)
    return value
