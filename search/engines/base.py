"""The interface every search engine adapter implements."""

from dataclasses import dataclass, field

from django.conf import settings

from search.analysis import stem, written
from search.dictionaries import is_known_word


class EngineUnavailable(Exception):
    """The engine did not answer: it cannot be reached or was too slow (an outage)."""


class EngineError(Exception):
    """The engine answered with an error: a rejected query or request, not an outage."""


@dataclass
class Hit:
    document: dict  # the version chosen to show: title, url, locale, facets ...
    highlight: str | None = None


@dataclass
class SearchResult:
    total: int
    hits: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # facet -> {value: count}
    suggestion: str | None = None


class SearchEngine:
    name = ""
    # A server of its own, kept in step through the outbox once a change has committed
    # (search/sync.py). The database engine is written in the change's own transaction.
    remote = True

    def search(self, request):
        """Run a SearchRequest; returns a SearchResult.

        Raises EngineUnavailable on an outage, EngineError when the query is rejected.
        """
        raise NotImplementedError

    def count(self, request):
        """How many items a SearchRequest finds."""
        raise NotImplementedError

    def finds_more(self, request, than):
        """Whether a SearchRequest finds more than ``than`` items."""
        return self.count(request) > than

    def honest_suggestion(self, request, total, correction):
        """The correction, if it corrects a word no language knows and finds more."""
        correction = real_correction(request.words, correction, request.language)
        if correction is None:
            return None
        return correction if self.finds_more(request.with_query(correction), total) else None

    def suggest(self, text, language):
        """Title completions: a list of documents (title, url, type, locale)."""
        raise NotImplementedError

    def apply(self, groups):
        """Make the index match ``{translation_key: [documents]}`` (no documents: remove).

        Returns ``{translation_key: reason}`` of the groups the engine rejected.
        """
        raise NotImplementedError

    def rebuild(self, documents, progress=None):
        """Index all documents into a fresh index and switch to it."""
        raise NotImplementedError

    def health(self):
        """'ok' or 'degraded'."""
        raise NotImplementedError


def real_correction(words, correction, language=None):
    """The typed words with each real correction made, or None if none is left: a
    word a dictionary of the site's languages knows (see is_known_word) stays as typed, and so
    does one whose correction is only itself stemmed or without its accents."""
    proposed = correction.split() if correction else []
    if len(proposed) != len(words):
        return None
    corrected = [
        typed if same_word(typed, other) or is_known_word(typed, language) else other
        for typed, other in zip(words, proposed, strict=True)
    ]
    return " ".join(corrected) if corrected != list(words) else None


def same_word(typed, other):
    if written(typed) == written(other):
        return True
    return any(stem(typed, code) == stem(other, code) for code, _name in settings.LANGUAGES)
