"""The interface every search engine adapter implements."""

from dataclasses import dataclass, field


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
        """The correction, if it changes the query and finds more than it."""
        if not correction or correction.lower() == " ".join(request.words).lower():
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
