"""The zero-setup engine: the same documents and result shape, answered by the database.

It matches text without language analysis (every word must appear, accents
folded), ranks matches in the title first, counts facets in Python over the
matching items' representative documents and marks the first match for
highlighting. It is the default for ``make run`` and the fallback when a
remote engine is down; large sites want a real engine.
"""

import difflib
import html
import re
import unicodedata
from collections import Counter

from search import mapping
from search.cache import cached_vocabulary
from search.documents import shown_version
from search.engines.base import Hit, SearchEngine, SearchResult
from search.models import IndexedDocument
from search.query import PAGE_SIZE, SUGGESTION_LIMIT

SNIPPET_LENGTH = 180
WORD = re.compile(r"\w{3,}")
ANY_WORD = re.compile(r"\w+")


def fold(text):
    """Lower-case and drop accents, as the engines' folded fields do."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class DatabaseEngine(SearchEngine):
    name = "database"

    def search(self, request):
        terms = folded_words(request.match_text)
        rows = IndexedDocument.objects.filter(is_representative=True)
        for term in terms:  # words starting with the term, in any language of the item
            rows = rows.filter(search_text__contains=f" {term}")
        groups = list(rows.values("translation_key", "facets", "title"))

        facets = {name: Counter() for name in mapping.FACET_FIELDS}
        matching = []
        for group in groups:
            failed = [name for name in facets if not self._passes(group["facets"], request, name)]
            if not failed:
                matching.append(group)
            if len(failed) <= 1:  # disjunctive: count a facet ignoring its own selection
                for name in failed or facets:
                    facets[name].update(self._values(group["facets"], name))

        matching.sort(key=self._sort_key(request, terms), reverse=True)
        start = (request.page - 1) * PAGE_SIZE
        page_keys = [group["translation_key"] for group in matching[start : start + PAGE_SIZE]]
        return SearchResult(
            total=len(matching),
            hits=self._hits(page_keys, request, terms),
            facets={name: dict(counts) for name, counts in facets.items()},
            suggestion=self._suggestion(terms) if len(matching) < 3 else None,
        )

    @staticmethod
    def _values(facets, name):
        value = facets.get(mapping.FACET_FIELDS[name])
        return value if isinstance(value, list) else [value]

    def _passes(self, facets, request, name):
        selected = request.filters.get(name)
        return not selected or bool(set(selected) & set(self._values(facets, name)))

    @staticmethod
    def _sort_key(request, terms):
        """Sort key, largest first: the chosen order, then the newest, then a stable id."""

        def key(group):
            facets = group["facets"]
            primary = {
                "newest": lambda: facets["published"],
                "reviewed": lambda: facets.get("last_reviewed") or "",
                "relevance": lambda: title_matches(group["title"], terms),
            }[request.effective_sort]()
            return (primary, facets["published"], str(group["translation_key"]))

        return key

    @staticmethod
    def _hits(keys, request, terms):
        rows = IndexedDocument.objects.filter(translation_key__in=keys, is_representative=True)
        documents = {
            row["translation_key"]: row["data"] for row in rows.values("translation_key", "data")
        }
        preferred = request.preferred_languages()
        hits = []
        for key in keys:
            shown = shown_version(documents[key], preferred)
            hits.append(Hit(document=shown, highlight=snippet(documents[key], shown, terms)))
        return hits

    def _suggestion(self, terms):
        if not terms:
            return None
        vocabulary = self.vocabulary()
        corrected = []
        for term in terms:
            match = difflib.get_close_matches(term, vocabulary, n=1, cutoff=0.75)
            corrected.append(match[0] if match and term not in vocabulary else term)
        return " ".join(corrected) if corrected != terms else None

    @staticmethod
    def vocabulary():
        """The words of every title, the corrections did-you-mean can offer."""

        def build():
            words = set()
            for title in IndexedDocument.objects.values_list("title", flat=True).iterator():
                words.update(WORD.findall(fold(title)))
            return sorted(words)

        return cached_vocabulary("spelling", build)

    def suggest(self, text, language):
        rows = IndexedDocument.objects.filter(title__icontains=text.strip()).values("data")[:200]
        groups = {}
        for row in rows:
            groups.setdefault(row["data"]["translation_key"], []).append(row["data"])
        order = [language]
        chosen = [min(versions, key=lambda d: preference(d, order)) for versions in groups.values()]
        chosen.sort(key=lambda doc: (not fold(doc["title"]).startswith(fold(text)), doc["title"]))
        return chosen[:SUGGESTION_LIMIT]

    def apply(self, groups):
        """The database copy is written by search.sync itself."""

    def rebuild(self, documents, progress=None):
        count = 0
        for count, _document in enumerate(documents, start=1):
            if progress and count % 1000 == 0:
                progress(count)
        return "database", count

    def health(self):
        return "ok"


def preference(document, order):
    """Sort key of a version: the reader's language first, then chosen ones, then the source."""
    if document["locale"] in order:
        return (0, order.index(document["locale"]))
    return (1, 0 if document["is_representative"] else 1)


def folded_words(text):
    return ANY_WORD.findall(fold(text))


def searchable_text(text):
    """Folded words, each preceded by a space: "contains ' ice'" finds words starting so."""
    return " " + " ".join(folded_words(text))


def title_matches(title, terms):
    """How many of the words start a word of the title: items named so come first."""
    title_words = folded_words(title)
    return sum(1 for term in terms if any(word.startswith(term) for word in title_words))


def snippet(document, shown, terms):
    """A window of the shown version's summary or body around the first match."""
    if not terms:
        return None
    for field in ("summary", "body"):
        text = document.get(f"{field}_{shown['locale']}") or ""
        folded = fold(text)
        positions = [folded.find(term) for term in terms if term in folded]
        if positions:
            start = max(0, min(positions) - SNIPPET_LENGTH // 3)
            window = html.escape(text[start : start + SNIPPET_LENGTH])
            for term in terms:
                window = re.sub(
                    f"({re.escape(html.escape(term))})", r"<mark>\1</mark>", window, flags=re.I
                )
            return ("…" if start else "") + window
    return None
