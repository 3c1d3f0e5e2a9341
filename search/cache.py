"""Caches for searches: what every search needs but rarely changes (facet keys and
labels, the database engine's spelling vocabulary), and recent answers.

Answers are kept for SEARCH_ANSWER_CACHE_SECONDS under the content generation
(knowledgebase/changes.py): a change to content, or the index worker applying
one, makes them obsolete at once.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache, caches

from knowledgebase.changes import content_generation

VERSION_KEY = "search-vocabulary-version"
TTL = 60  # seconds; bounds staleness where processes do not share a cache


def cached_vocabulary(name, build):
    """The cached value of ``build()`` until vocabulary_changed() is called."""
    version = cache.get_or_set(VERSION_KEY, 1, None)
    return cache.get_or_set(f"search-vocabulary:{version}:{name}", build, TTL)


def vocabulary_changed():
    """Topics, regions, members or titles changed: rebuild cached values on next use."""
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
