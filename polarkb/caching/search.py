"""The search service's keeper (search/keeping.py): vocabularies in each process's
memory (as objects, not copies: search/keeping.py asks callers not to change them)
and answers in the ``answers`` cache, both under the content generation, so the
index worker applying a change, or any event readers can see, makes them obsolete.

Unlike the values pages share, they are kept inside a transaction that changed
content too (an editor's request, a test): a search reads them whatever the
transaction, and the generation changes again when it commits.
"""

import hashlib

from django.conf import settings

from polarkb.caching.generation import kept_as_object, kept_in

VOCABULARY_SECONDS = 600


class SearchKeeper:
    def vocabulary(self, name, build):
        return kept_as_object(f"search-vocabulary:{name}", build, VOCABULARY_SECONDS)

    def answer(self, question, compute, keep):
        seconds = settings.SEARCH_ANSWER_CACHE_SECONDS
        if not seconds:
            return compute()
        # Filed by engine too: an answer from one engine is not another engine's answer
        # (search_quality and the benches ask the same questions of each in one process).
        engine = settings.SEARCH_ENGINES["default"]
        filed_as = (engine["BACKEND"], engine.get("URLS"), engine.get("INDEX_PREFIX"), question)
        digest = hashlib.sha256(repr(filed_as).encode()).hexdigest()
        return kept_in("answers", f"search-answer:{digest}", compute, seconds, keep)
