"""The zero-setup engine: the same documents, relevance model and result shape,
answered by the database.

Each representative document keeps its words as indexed forms (stop words
out, Snowball stems, folded; search/analysis.py), per field and all together
(``IndexedDocument.field_terms`` and ``search_text``). A query's units
(search/concepts.py) become SQL conditions on whole words: a word by any of its
stems or, with a typo, by a known word one or two edits away; a concept by its
names in other languages. Items are ranked in Python with the field weights
of the remote engines. It is the default for ``make run`` and the fallback
when a remote engine is down; large sites want a real engine.
"""

import html
import math
from collections import Counter
from functools import reduce
from operator import add, and_, or_

from django.conf import settings
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from search import facets, mapping
from search.analysis import (
    LEMMATIZED,
    WORD,
    analyze,
    compound_parts,
    dictionary_parts,
    fold,
    lemma_forms,
    stem,
    tolerates_typos,
    words,
    written,
)
from search.documents import TEXT_FIELDS, shown_version
from search.engines.base import Hit, SearchEngine, SearchResult
from search.keeping import kept_vocabulary
from search.models import IndexedDocument
from search.query import (
    EXPANSION_BOOST,
    FUZZY_BOOST,
    LEMMA_BOOST,
    PAGE_SIZE,
    PHRASE_BOOST,
    SUGGESTION_LIMIT,
    TITLE_BOOST,
    TRANSLATION_BOOST,
    UPCOMING_BOOST,
    required_units,
    spelling_language,
)

SNIPPET_LENGTH = 180
SPELLING_EDITS = 2  # did-you-mean corrects words of 4 letters or more, as the engines do
FIELD_WEIGHTS = {**mapping.FIELD_BOOSTS, "tags": mapping.TAGS_BOOST, "lemmas": LEMMA_BOOST}
SORT_FIELDS = ("published", "last_reviewed", "ends")  # what ordering reads


def lemma_token(language, form):
    """A lemma as the database copy keeps it: apart from the words of the text (as the
    engines keep lemmas in their own field), never the first letter of a query word."""
    return f"~{language}~{form}"


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


# Indexing ------------------------------------------------------------------------


def index_terms(document):
    """(search_text, field_terms) of a representative document: every indexed form
    and written word padded with spaces, and the indexed forms of each field in order."""
    field_terms = {
        name: " ".join(
            token
            for code in language_codes()
            for token in analyze(document.get(f"{name}_{code}") or "", code)
        )
        for name in TEXT_FIELDS
    }
    field_terms["tags"] = " ".join(analyze(document.get("tags", ""), ""))
    field_terms["lemmas"] = " ".join(
        lemma_token(code, form)
        for code in LEMMATIZED
        for form in (document.get(mapping.lemmas_field(code)) or "").split()
    )
    as_written = {
        written(word)
        for name in TEXT_FIELDS
        for code in language_codes()
        for word in words(document.get(f"{name}_{code}") or "")
    }
    tokens = set(" ".join(field_terms.values()).split()) | as_written
    return f" {' '.join(sorted(tokens))} ", field_terms


# Matching ------------------------------------------------------------------------


def max_edits(word):
    """Typos tolerated: none below 4 letters, one from 4, two from 8 (as FUZZINESS)."""
    return 0 if len(word) < 4 else 1 if len(word) < 8 else 2


def edit_distance(a, b, limit):
    """Optimal string alignment distance, or limit + 1 once it is sure to exceed it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            cost = char_a != char_b
            value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                value = min(value, previous2[j - 2] + 1)
            current.append(value)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


class Vocabulary:
    """Every known form and written word with the number of items that have it:
    what typos are corrected to, and how telling a word is (rarer words weigh more,
    like the engines' inverse document frequency)."""

    def __init__(self, texts):
        self.by_letter, self.items = {}, 0
        for text in texts:
            self.items += 1
            for token in text.split():
                counts = self.by_letter.setdefault(token[0], {})
                counts[token] = counts.get(token, 0) + 1

    def knows(self, token):
        return token in self.by_letter.get(token[:1], {})

    def weight(self, token):
        count = self.by_letter.get(token[:1], {}).get(token, 0)
        return math.log(1 + (self.items + 1) / (count + 1))

    def near(self, word, limit=None):
        """(edits, word) of the known words with the same first letter within ``limit``
        edits (default: the typos a word of its length may have)."""
        limit = max_edits(word) if limit is None else limit
        if not limit:
            return []
        distances = ((edit_distance(word, other, limit), other) for other in self.words(word[0]))
        return [(distance, other) for distance, other in distances if distance <= limit]

    def words(self, letter):
        return self.by_letter.get(letter, {})


def vocabulary():
    def build():
        rows = IndexedDocument.objects.filter(is_representative=True)
        return Vocabulary(rows.values_list("search_text", flat=True).iterator())

    return kept_vocabulary("words", build)


def language_vocabulary(language):
    """The words written in one language's fields and names: what did-you-mean
    corrects to."""

    def build():
        columns = [f"data__{name}_{language}" for name in (*TEXT_FIELDS, "names")]
        rows = IndexedDocument.objects.filter(is_representative=True).values_list(*columns)
        return Vocabulary(
            " ".join({written(word) for text in row if text for word in words(text)})
            for row in rows.iterator()
        )

    return kept_vocabulary(f"words:{language}", build)


class WordForms:
    """The forms a query word is found by: exactly (any language's stem, or as
    written) or with a typo corrected (not for a word that names a concept, which is
    spelled right in some language: as the engines' query does)."""

    def __init__(self, word, known, names_a_concept=False, language=None):
        self.written = written(word)
        self.exact = {self.written} | {stem(word, code) for code in language_codes()}
        # A compound of the reader's language is also found by its parts (query.parts_query).
        parts = compound_parts(word, language, dictionary_parts(language))
        self.exact |= {stem(part, language) for part in parts}
        if language in mapping.lemmas_field_names_by_language():
            self.exact |= {lemma_token(language, form) for form in lemma_forms(word, language)}
        near = known.near(self.written) if tolerates_typos(word) and not names_a_concept else []
        self.fuzzy = {other for _edits, other in near} - self.exact

    @property
    def all(self):
        return self.exact | self.fuzzy


def closest_known(word, known, language):
    """The word itself if the index knows it (by any form, in any language), else the
    closest word of the language (its vocabulary is read only then)."""
    forms = WordForms(word, Vocabulary([]))
    if any(known.knows(form) for form in forms.exact) or len(word) < 4:
        return forms.written
    candidates = language_vocabulary(language).near(forms.written, SPELLING_EDITS)
    return min(candidates)[1] if candidates else forms.written


def contains(token):
    return Q(search_text__contains=f" {token} ")


def any_of(tokens):
    return reduce(or_, (contains(token) for token in sorted(tokens)))


def all_of(conditions):
    return reduce(and_, conditions)


class UnitMatcher:
    """One unit of the query: its words' forms, and its names in other languages and
    translations (each by its indexed forms in its language, or as written, as in
    tags) with the weight they count at."""

    def __init__(self, unit, known, language=None):
        self.known = known
        self.words = [WordForms(word, known, bool(unit.concept), language) for word in unit.words]
        self.names = {}
        for boost, pairs in (
            (TRANSLATION_BOOST, unit.translations),
            (EXPANSION_BOOST * unit.name_share, unit.expansions),
        ):
            for language, name in pairs:
                self.names[tuple(analyze(name, language, decompound=False))] = boost
                self.names[tuple(written(word) for word in words(name))] = boost
        self.names.pop((), None)

    def condition(self):
        as_typed = all_of([any_of(forms.all) for forms in self.words])
        names = [all_of([contains(token) for token in name]) for name in sorted(self.names)]
        return reduce(or_, [as_typed, *names])

    def score(self, fields):
        """Each word's best field, or a name's best field at a lower weight; rarer
        words weigh more."""
        typed = sum(self.best_field(fields, forms) for forms in self.words)
        names = [
            boost * FIELD_WEIGHTS[field] * self.weight(name)
            for name, boost in self.names.items()
            for field, tokens in fields.items()
            if tokens >= set(name)
        ]
        return max([typed, *names])

    def best_field(self, fields, forms):
        scores = [0.0]
        for name, tokens in fields.items():
            if found := tokens & forms.exact:
                scores.append(FIELD_WEIGHTS[name] * self.weight(found))
            elif found := tokens & forms.fuzzy:
                scores.append(FIELD_WEIGHTS[name] * FUZZY_BOOST * self.weight(found))
        return max(scores)

    def weight(self, tokens):
        return max(self.known.weight(token) for token in tokens)


def in_sequence(tokens, forms):
    """True if the words appear one after another (stop words aside) in the tokens."""
    for start in range(len(tokens) - len(forms) + 1):
        if all(tokens[start + i] in forms[i].exact for i in range(len(forms))):
            return True
    return False


def small_facets(document):
    """The facet values and dates of a document: what filtering and sorting read."""
    names = (*facets.fields(), *SORT_FIELDS)
    return {name: document.get(name) for name in names}


class DatabaseEngine(SearchEngine):
    name = "database"
    remote = False

    def search(self, request):
        units = [UnitMatcher(unit, vocabulary(), request.language) for unit in request.units]
        groups = self._matching_groups(units, request.relaxed)
        counts = {facet: Counter() for facet in facets.all_facets()}
        matching = []
        for group in groups:
            failed = [facet for facet in counts if not self._passes(group, request, facet)]
            if not failed:
                matching.append(group)
            if len(failed) <= 1:  # disjunctive: count a facet ignoring its own selection
                for facet in failed or counts:
                    counts[facet].update(self._values(group, facet))

        matching.sort(key=self._sort_key(request, units), reverse=True)
        start = (request.page - 1) * PAGE_SIZE
        page_keys = [group["translation_key"] for group in matching[start : start + PAGE_SIZE]]
        total = len(matching)
        return SearchResult(
            total=total,
            hits=self._hits(page_keys, request, units),
            facets={facet.key: dict(values) for facet, values in counts.items()},
            suggestion=self.honest_suggestion(request, total, self._correction(request)),
        )

    def count(self, request):
        units = [UnitMatcher(unit, vocabulary(), request.language) for unit in request.units]
        groups = self._matching_groups(units, request.relaxed, fields=False)
        return sum(
            all(self._passes(group, request, facet) for facet in facets.all_facets())
            for group in groups
        )

    @staticmethod
    def _matching_groups(units, relaxed, fields=True):
        """The representatives with at least half of the units (any one, ``relaxed``),
        each with the number of units it has (``matched``: more rank first)."""
        rows = IndexedDocument.objects.filter(is_representative=True)
        columns = ["translation_key", "facets", *(["field_terms"] if fields else [])]
        if not units:
            return [{**row, "matched": 0} for row in rows.values(*columns)]
        matched = reduce(
            add,
            [Case(When(unit.condition(), then=Value(1)), default=Value(0)) for unit in units],
        )
        found = required_units(len(units), relaxed)
        rows = rows.annotate(matched=matched).filter(matched__gte=found)
        return list(rows.values(*columns, "matched"))

    @staticmethod
    def _values(group, facet):
        value = group["facets"].get(facet.field)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    def _passes(self, group, request, facet):
        selected = request.filters.get(facet.key)
        return not selected or bool(set(selected) & set(self._values(group, facet)))

    @staticmethod
    def _sort_key(request, units):
        """Sort key, largest first: the chosen order, then the newest, then a stable id."""

        def key(group):
            dates = group["facets"]
            primary = {
                "newest": lambda: dates["published"],
                "reviewed": lambda: dates.get("last_reviewed") or "",
                "relevance": lambda: (
                    group["matched"],
                    relevance(group["field_terms"], units) + upcoming_bonus(dates),
                ),
            }[request.effective_sort]()
            return (primary, dates["published"], str(group["translation_key"]))

        return key

    @staticmethod
    def representatives(translation_keys):
        """{translation key: the group's representative document} of these groups
        (the groups the copy holds)."""
        rows = IndexedDocument.objects.filter(
            translation_key__in=translation_keys, is_representative=True
        )
        return dict(rows.values_list("translation_key", "data"))

    def _hits(self, keys, request, units):
        documents = self.representatives(keys)
        preferred = request.preferred_languages()
        hits = []
        for key in keys:
            shown = shown_version(documents[key], preferred)
            hits.append(Hit(document=shown, highlight=snippet(documents[key], shown, units)))
        return hits

    @staticmethod
    def _correction(request):
        """Each word the index does not know replaced by the closest one it knows in
        the query's language."""
        known, language = vocabulary(), spelling_language(request)
        return " ".join(closest_known(word, known, language) for word in request.words)

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
        """Store each group's documents with their indexed forms, in the caller's
        transaction (the database engine rejects nothing)."""
        for translation_key, documents in groups.items():
            self._store_group(translation_key, documents)
        return {}

    @staticmethod
    def _store_group(translation_key, documents):
        IndexedDocument.objects.filter(translation_key=translation_key).exclude(
            doc_id__in=[document["id"] for document in documents]
        ).delete()
        for document in documents:
            search_text, field_terms = index_terms(document)
            IndexedDocument.objects.update_or_create(
                doc_id=document["id"],
                defaults={
                    "translation_key": translation_key,
                    "locale": document["locale"],
                    "is_representative": document["is_representative"],
                    "page_id": document["page_id"],
                    "title": document["title"][:255],
                    "facets": small_facets(document),
                    "search_text": search_text,
                    "field_terms": field_terms,
                    "data": document,
                },
            )

    @staticmethod
    def remove_all_but(translation_keys):
        """Drop the documents of every group but these."""
        IndexedDocument.objects.exclude(translation_key__in=translation_keys).delete()

    @staticmethod
    def documents(translation_keys=None):
        """The stored documents (of these groups), one at a time."""
        rows = IndexedDocument.objects.all()
        if translation_keys is not None:
            rows = rows.filter(translation_key__in=translation_keys)
        return rows.values_list("data", flat=True).iterator()

    def rebuild(self, documents, progress=None):
        """The copy is rebuilt from the pages (search.sync.rebuild_database_copy):
        only count the documents."""
        count = 0
        for count, _document in enumerate(documents, start=1):
            if progress and count % 1000 == 0:
                progress(count)
        return "database", count

    def health(self):
        return "ok"


def relevance(field_terms, units):
    """The engines' scoring in small: each unit's best field, then the bonuses for
    all the words in a title and for the words in sequence."""
    fields = {name: set(text.split()) for name, text in field_terms.items()}
    score = sum(unit.score(fields) for unit in units)
    forms = [forms for unit in units for forms in unit.words]
    if forms and all(fields["title"] & word.exact for word in forms):
        score += TITLE_BOOST
    if len(forms) > 1 and any(
        in_sequence(field_terms[name].split(), forms) for name in mapping.PHRASE_FIELDS
    ):
        score += PHRASE_BOOST
    return score


def upcoming_bonus(dates):
    """As the engines' query.upcoming_bonus: an event not yet over ranks higher."""
    ends = dates.get("ends")
    return UPCOMING_BOOST if ends and ends >= timezone.localdate().isoformat() else 0


def preference(document, order):
    """Sort key of a version: the reader's language first, then chosen ones, then the source."""
    if document["locale"] in order:
        return (0, order.index(document["locale"]))
    return (1, 0 if document["is_representative"] else 1)


def snippet(document, shown, units):
    """A window of the shown version's summary or body around the first matching word,
    with every matching word (whole words only) marked."""
    if not units:
        return None
    language = shown["locale"]
    wanted = set()
    for unit in units:
        for forms in unit.words:
            wanted |= forms.all
        for name in unit.names:
            wanted |= set(name)

    def matches(word):
        return stem(word, language) in wanted or written(word) in wanted

    for field in ("summary", "body"):
        text = document.get(f"{field}_{language}") or ""
        found = [match for match in WORD.finditer(text) if matches(match.group())]
        if found:
            start, end = word_window(text, found[0].start() - SNIPPET_LENGTH // 3)
            parts, position = [], start
            for match in found:
                if match.start() < start or match.end() > end:
                    continue
                parts.append(html.escape(text[position : match.start()]))
                parts.append(f"<mark>{html.escape(match.group())}</mark>")
                position = match.end()
            parts.append(html.escape(text[position:end]))
            return "".join(parts)
    return None


def word_window(text, start):
    """(start, end) of about SNIPPET_LENGTH characters from ``start``, both at word
    boundaries: a cut word is left out."""
    start = max(0, start)
    if start > 0 and not text[start - 1].isspace():
        space = text.find(" ", start)
        start = space + 1 if space != -1 else 0
    end = start + SNIPPET_LENGTH
    if end < len(text) and not text[end].isspace():
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    return start, min(end, len(text))
