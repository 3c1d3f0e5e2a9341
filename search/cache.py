"""A cache for what every search needs but rarely changes: facet keys and labels,
and the database engine's spelling vocabulary."""

from django.core.cache import cache

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
