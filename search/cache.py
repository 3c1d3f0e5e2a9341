"""A cache for what every search needs but rarely changes: facet keys and labels,
the concepts a query may name, and the database engine's spelling vocabulary.

Values live in Django's cache (shared by the processes where the cache is) and,
for a few seconds, in the process itself: a search reads four or five of them,
and taking them from the process spares unpickling them from the cache each time.
"""

import time

from django.core.cache import cache

VERSION_KEY = "search-vocabulary-version"
TTL = 60  # seconds; bounds staleness where processes do not share a cache
PROCESS_TTL = 5  # seconds a process keeps a value it took from the cache

_in_process = {}  # cache key -> (monotonic expiry, value)


def cached_vocabulary(name, build):
    """The cached value of ``build()`` until vocabulary_changed() is called (callers
    must not change it: it is shared within the process)."""
    version = cache.get_or_set(VERSION_KEY, 1, None)
    key = f"search-vocabulary:{version}:{name}"
    now = time.monotonic()
    kept = _in_process.get(key)
    if kept and kept[0] > now and cache.has_key(key):  # not expired nor cleared there
        return kept[1]
    value = cache.get_or_set(key, build, TTL)
    _in_process[key] = (now + PROCESS_TTL, value)
    return value


def vocabulary_changed():
    """Topics, regions, members or titles changed: rebuild cached values on next use."""
    _in_process.clear()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
