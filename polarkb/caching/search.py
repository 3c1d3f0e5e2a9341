"""The search service's keeper (search/keeping.py): vocabularies in each process's
memory and answers in the ``kept`` cache, both under the content generation, so the
index worker applying a change, or any event readers can see, makes them obsolete."""

import hashlib

from django.conf import settings
from django.core.cache import caches

from polarkb.caching.generation import current, kept

VOCABULARY_SECONDS = 600


class SearchKeeper:
    def vocabulary(self, name, build):
        return kept(f"search-vocabulary:{name}", build, VOCABULARY_SECONDS)

    def answer(self, question, compute, keep):
        seconds = settings.SEARCH_ANSWER_CACHE_SECONDS
        if not seconds:
            return compute()
        digest = hashlib.sha256(repr(question).encode()).hexdigest()
        key = f"search-answer:{current()}:{digest}"
        value = caches["kept"].get(key)
        if value is None:
            value = compute()
            if keep(value):
                caches["kept"].set(key, value, seconds)
        return value
