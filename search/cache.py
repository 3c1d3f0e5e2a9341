"""Caches for searches: what every search needs but rarely changes (facet keys and
labels, the concepts a query may name, the database engine's spelling
vocabulary), and recent answers.

Vocabulary values live in Django's cache (shared by the processes where the
cache is) and, for a few seconds, in the process itself: a search reads four or
five of them, and taking them from the process spares unpickling them each time.

Answers are kept for SEARCH_ANSWER_CACHE_SECONDS under the content generation
(knowledgebase/changes.py): a change to content, or the index worker applying
one, makes them obsolete at once.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache, caches

from knowledgebase.changes import content_generation

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


def kept_answer(question, answer, keep=lambda value: True):
    """``answer()`` to a question (any value with a stable repr), kept a short while
    when ``keep`` approves of it."""
    seconds = settings.SEARCH_ANSWER_CACHE_SECONDS
    if not seconds:
        return answer()
    digest = hashlib.sha256(repr(question).encode()).hexdigest()
    key = f"search-answer:{content_generation()}:{digest}"
    value = caches["kept"].get(key)
    if value is None:
        value = answer()
        if keep(value):
            caches["kept"].set(key, value, seconds)
    return value
