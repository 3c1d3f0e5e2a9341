"""The interface every search engine adapter implements."""

from dataclasses import dataclass, field


class EngineUnavailable(Exception):
    """The engine did not answer (down, too slow, or its index is missing)."""


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

    def search(self, request):
        """Run a SearchRequest; returns a SearchResult or raises EngineUnavailable."""
        raise NotImplementedError

    def count(self, request):
        """How many items a SearchRequest finds."""
        raise NotImplementedError

    def honest_suggestion(self, request, total, correction):
        """The correction, if it changes the query and finds more than it."""
        if not correction or correction.lower() == " ".join(request.words).lower():
            return None
        return correction if self.count(request.with_query(correction)) > total else None

    def suggest(self, text, language):
        """Title completions: a list of documents (title, url, type, locale)."""
        raise NotImplementedError

    def apply(self, groups):
        """Make the index match ``{translation_key: [documents]}`` (no documents: remove)."""
        raise NotImplementedError

    def rebuild(self, documents, progress=None):
        """Index all documents into a fresh index and switch to it."""
        raise NotImplementedError

    def health(self):
        """'ok' or 'degraded'."""
        raise NotImplementedError
