"""The search request, checked, and the engine query built from it.

``SearchRequest.from_params`` turns query-string parameters into a request or
raises ``BadRequest`` naming the field at fault; ``build_search_bodies`` and
``build_suggest_body`` give the queries OpenSearch and Elasticsearch both run.
"""

import math
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from django.conf import settings
from django.utils.translation import gettext as _

from search import analysis, facets, mapping
from search.concepts import units_for

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 1000
# Words searched (after stop words) and other-language names brought in: together they
# keep a query under the engines' limit of 1,024 clauses, however long the text.
MAX_QUERY_WORDS = 8
MAX_EXPANSIONS = 24
MAX_PAGE = 1000
MAX_FACET_VALUES = 100  # values selected in one facet
SORTS = ("relevance", "newest", "reviewed")
PAGE_NUMBER = re.compile(r"[0-9]{1,4}")
# Control characters other than whitespace (NUL above all: PostgreSQL text cannot hold it).
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SUGGESTION_LIMIT = 8

# Relevance: a word found as written (or by its stem) counts fully, a word found
# only with a typo corrected, or through a concept's name in another language, less;
# all the words in a title or as a phrase add to the score.
FUZZY_BOOST = 0.4
EXPANSION_BOOST = 0.5
LEMMA_BOOST = 1  # as a body word: the lemma field holds the whole text
TRANSLATION_BOOST = 0.3  # a dictionary's translation: below a glossary name
PHRASE_BOOST = 2
TITLE_BOOST = 2
UPCOMING_BOOST = 1  # an event not yet over ranks above a past one found by the same words
PHRASE_SLOP = 2
FUZZINESS = "AUTO:4,8"  # no edit below 4 letters, one from 4, two from 8
MIN_TYPO_LENGTH = 4  # shorter words get no edit, so no fuzzy clause at all
FUZZY_EXPANSIONS = 20
# Found at all: items with at least half of the units, so that one word no item
# uses does not hide everything the others find ...
LOOSE_MINIMUM_SHOULD_MATCH = "-50%"
# ... and ranked by the number of units they have: each adds more than the rest of
# any item's score, so an item with most of the units (all of up to 2, all but one
# of 3-5, three quarters of more) always comes before one with only half of them,
# then the usual scoring within each group.
UNIT_MATCH_BONUS = 1000

# Tie-breakers for title suggestions, which collapse the versions of an item:
# the reader's language first, then the source.
READER_LANGUAGE_BOOST = 2.0
SOURCE_BOOST = 1.0
REPRESENTATIVE = {"term": {"is_representative": True}}


class BadRequest(ValueError):
    def __init__(self, message, field):
        super().__init__(message)
        self.message = message
        self.field = field


def search_text(text):
    """The text of a search or suggestion, whitespace collapsed; control characters refused."""
    if CONTROL_CHARACTER.search(text):
        # Translators: Readers see this as a search error when the search text holds invisible
        # control characters.
        raise BadRequest(_("The search text contains control characters."), "q")
    return " ".join(text.split())


@dataclass
class SearchRequest:
    query: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    language: str = settings.LANGUAGE_CODE
    relaxed: bool = False  # any one unit is enough (asked again when nothing matched all)

    @classmethod
    def from_params(cls, params, language, known_keys):
        """Check query-string parameters; ``known_keys`` maps facet -> set of valid keys."""
        query = search_text(params.get("q", ""))
        if len(query) > MAX_QUERY_LENGTH:
            raise BadRequest(
                # Translators: Readers see this as a search error: %(limit)d is the maximum length
                # of the search text in characters.
                _("The search text is too long (at most %(limit)d characters).")
                % {"limit": MAX_QUERY_LENGTH},
                "q",
            )
        return cls(
            query=query,
            filters={name: cls._facet_values(params, name, known_keys) for name in facets.keys()},
            sort=cls._choice(params, "sort", SORTS, "relevance"),
            page=cls._page(params.get("page")),
            language=language,
        )

    @staticmethod
    def _facet_values(params, name, known_keys):
        values = list(dict.fromkeys(v for v in params.getlist(name) if v != ""))
        if len(values) > MAX_FACET_VALUES:
            raise BadRequest(
                # Translators: Readers see this as a search error: %(limit)d is a number, %(facet)s
                # a filter's name (e.g. topic).
                _("Select at most %(limit)d values of %(facet)s.")
                % {"limit": MAX_FACET_VALUES, "facet": name},
                name,
            )
        for value in values:
            if value not in known_keys[name]:
                raise BadRequest(
                    # Translators: Readers see this as a search error: %(facet)s is a filter's name,
                    # %(value)s the value the reader gave.
                    _("Unknown %(facet)s: “%(value)s”.") % {"facet": name, "value": value[:80]},
                    name,
                )
        return values

    @staticmethod
    def _choice(params, name, choices, default):
        value = params.get(name) or default
        if value not in choices:
            raise BadRequest(
                # Translators: Readers see this as a search error: %(name)s is a parameter's name
                # (e.g. sort), %(choices)s its allowed values.
                _("%(name)s must be one of: %(choices)s.")
                % {"name": name, "choices": ", ".join(choices)},
                name,
            )
        return value

    @staticmethod
    def _page(value):
        if value in (None, ""):
            return 1
        if not PAGE_NUMBER.fullmatch(value) or not 1 <= int(value) <= MAX_PAGE:
            raise BadRequest(
                # Translators: Readers see this as a search error: keep "page" unchanged (a
                # parameter name); %(max)d is a number.
                _("page must be a whole number from 1 to %(max)d.") % {"max": MAX_PAGE}, "page"
            )
        return int(value)

    @cached_property
    def words(self):
        """The words searched for: stop words left out (unless that leaves none), bounded."""
        typed = analysis.words(self.query)
        kept = [
            word
            for word in typed
            if not analysis.is_stop_word(word, self.language)
            and not analysis.is_stop_word(word, settings.LANGUAGE_CODE)
        ]
        return (kept or typed)[:MAX_QUERY_WORDS]

    @cached_property
    def units(self):
        """The words grouped by the concepts they name (see search/concepts.py)."""
        return units_for(self.words, MAX_EXPANSIONS, self.language)

    @property
    def effective_sort(self):
        """Browsing without a query lists the newest first."""
        return "newest" if self.sort == "relevance" and not self.query else self.sort

    def preferred_languages(self):
        """Languages to show a group in, best first (the source comes after these)."""
        chosen = self.filters.get("language") or []
        if not chosen or self.language in chosen:
            return [self.language] + [code for code in chosen if code != self.language]
        return chosen

    def with_page(self, page):
        return replace(self, page=page)

    def with_query(self, query):
        return replace(self, query=query, page=1)

    def relax(self):
        return replace(self, relaxed=True)


def required_units(count, relaxed=False):
    """How many of ``count`` units an item must match (LOOSE_MINIMUM_SHOULD_MATCH, or
    any one when ``relaxed``), in Python."""
    return min(count, 1) if relaxed else math.ceil(count / 2)


def pages_for(total):
    return max(1, math.ceil(total / PAGE_SIZE))


def facet_filter(name, values):
    return {"terms": {facets.get(name).field: values}}


def filters_except(request, excluded=None):
    return [
        facet_filter(name, values)
        for name, values in request.filters.items()
        if values and name != excluded
    ]


def all_text_fields():
    fields = [field for code in mapping.language_codes() for field in mapping.text_fields(code)]
    return [*fields, f"tags^{mapping.TAGS_BOOST}"]


def word_query(word, known=False, language=None):
    """A word in any field of any language (by its stem), by its lemma in the reader's
    language where it has lemmas, or with a typo corrected.

    No correction is looked for where none can be made (words shorter than
    MIN_TYPO_LENGTH get no edit) or none is needed: a ``known`` word names a concept,
    so it is spelled right in some language. The fuzzy clause is a good share of a
    search's cost, and on a known word it only finds other words ("data" → "date")."""
    exact = {"multi_match": {"query": word, "fields": all_text_fields(), "tie_breaker": 0.3}}
    alternatives = [exact, *lemma_query(word, language), *parts_query(word, language)]
    if not known and may_be_a_typo(word):
        alternatives.append(
            {
                "match": {
                    "words": {
                        "query": word,
                        "fuzziness": FUZZINESS,
                        "prefix_length": 1,
                        "max_expansions": FUZZY_EXPANSIONS,
                        "boost": FUZZY_BOOST,
                    }
                }
            }
        )
    return exact if len(alternatives) == 1 else {"bool": {"should": alternatives}}


def parts_query(word, language):
    """A compound of the reader's language (nb, da, sv, de) also by the words it is made
    of, in that language's fields: as the index splits the items' compounds."""
    parts = analysis.compound_parts(word, language, analysis.dictionary_parts(language))
    if not parts:
        return []
    return [
        {
            "multi_match": {
                "query": " ".join(parts),
                "fields": mapping.text_fields(language),
                "tie_breaker": 0.3,
            }
        }
    ]


def lemma_query(word, language):
    """The word's lemma among the lemmas of the reader's language ([] for languages
    without lemmas, or a word that has no lemma other than itself written alike)."""
    if language not in mapping.lemmas_field_names_by_language():
        return []
    forms = analysis.lemma_forms(word, language)
    if not forms:
        return []
    field = mapping.lemmas_field(language)
    return [{"match": {field: {"query": " ".join(forms), "boost": LEMMA_BOOST}}}]


def may_be_a_typo(word):
    return analysis.tolerates_typos(word) and len(analysis.written(word)) >= MIN_TYPO_LENGTH


def name_query(language, name, boost=EXPANSION_BOOST):
    """A concept's name in its own language, all its words anywhere in the item's text
    in that language. (Not in ``tags``: an item's topic and region names are there in
    every language already, so the typed word finds them; and looking there too made
    expanded searches a third slower.)"""
    return {
        "multi_match": {
            "query": name,
            "fields": mapping.text_fields(language),
            "type": "cross_fields",
            "operator": "and",
            "boost": boost,
        }
    }


def unit_query(unit, language=None):
    typed = [word_query(word, bool(unit.concept), language=language) for word in unit.words]
    as_typed = typed[0] if len(typed) == 1 else {"bool": {"must": typed}}
    if not unit.expansions and not unit.translations:
        return as_typed
    name_boost = EXPANSION_BOOST * unit.name_share
    names = [name_query(language, name, name_boost) for language, name in unit.expansions]
    names += [name_query(language, name, TRANSLATION_BOOST) for language, name in unit.translations]
    return {"bool": {"should": [as_typed, *names]}}


def ranking_bonuses(words):
    """All the words as a phrase, and all of them in a title, rank an item higher."""
    text = " ".join(words)
    bonuses = [
        {
            "multi_match": {
                "query": text,
                "fields": [f"title_{code}" for code in mapping.language_codes()],
                "operator": "and",
                "boost": TITLE_BOOST,
            }
        }
    ]
    if len(words) > 1:
        phrase_fields = [
            field
            for code in mapping.language_codes()
            for field in mapping.text_fields(code, mapping.PHRASE_FIELDS)
        ]
        bonuses.append(
            {
                "multi_match": {
                    "query": text,
                    "fields": phrase_fields,
                    "type": "phrase",
                    "slop": PHRASE_SLOP,
                    "boost": PHRASE_BOOST,
                }
            }
        )
    return bonuses


def text_query(request):
    """Items with at least half of the units (any one, ``relaxed``), those with more
    of them first, each group by the usual score."""
    units = request.units
    if not units:
        return {"match_all": {}}
    found = 1 if request.relaxed else LOOSE_MINIMUM_SHOULD_MATCH
    return {
        "bool": {
            "must": [
                {
                    "bool": {
                        "should": [counted(unit_query(unit, request.language)) for unit in units],
                        "minimum_should_match": found,
                    }
                }
            ],
            "should": [*ranking_bonuses(request.words), upcoming_bonus()],
        }
    }


def upcoming_bonus():
    """Events whose last day is today or later (worked out when asked, never stale)."""
    return {
        "constant_score": {
            "filter": {"range": {"ends": {"gte": "now/d"}}},
            "boost": UPCOMING_BOOST,
        }
    }


def counted(clause):
    """The clause's score plus UNIT_MATCH_BONUS where it matches (no clause repeated:
    the engines limit a query's clauses)."""
    return {
        "function_score": {
            "query": clause,
            "functions": [{"weight": UNIT_MATCH_BONUS}],
            "boost_mode": "sum",
        }
    }


def language_preference(language):
    """Boosts so a collapsed item is suggested in the reader's language if it can be."""
    return [
        {
            "constant_score": {
                "filter": {"term": {"locale": language}},
                "boost": READER_LANGUAGE_BOOST,
            }
        },
        {"constant_score": {"filter": REPRESENTATIVE, "boost": SOURCE_BOOST}},
    ]


def sort_clause(request):
    """The chosen order, then the newest, then a stable id (as the database engine
    sorts). Sorted by a date, the engine does not score the items at all: scoring
    every matching item is most of a search's cost."""
    newest = [{"published": "desc"}, {"translation_key": "asc"}]
    if request.effective_sort == "newest":
        return newest
    if request.effective_sort == "reviewed":
        return [{"last_reviewed": {"order": "desc", "missing": "_last"}}, *newest]
    return [{"_score": "desc"}, *newest]


def facet_aggregations(request):
    """Each facet counted under the other facets' filters (disjunctive facets).

    A facet with nothing selected is counted under the whole selection, so all
    such facets share the ``total`` filter; only selected facets need their own.
    """
    selected = [name for name in facets.keys() if request.filters.get(name)]
    aggs = {
        "total": {
            "filter": {"bool": {"filter": filters_except(request)}},
            "aggs": {
                f"facet_{name}": facet_values(name)
                for name in facets.keys()
                if name not in selected
            },
        }
    }
    for name in selected:
        aggs[f"facet_{name}"] = {
            "filter": {"bool": {"filter": filters_except(request, name)}},
            "aggs": {"values": facet_values(name)},
        }
    return aggs


def facet_values(name):
    return {"terms": {"field": facets.get(name).field, "size": 500}}


def facet_buckets(aggregations, name):
    """The buckets of a facet in a response to facet_aggregations."""
    shared = aggregations["total"]
    if f"facet_{name}" in shared:
        return shared[f"facet_{name}"]["buckets"]
    return aggregations[f"facet_{name}"]["values"]["buckets"]


def highlight(request):
    """Fragments from the languages a result may be shown in (the source is usually
    the default language); a result shown in another language falls back to its summary."""
    languages = dict.fromkeys([*request.preferred_languages(), settings.LANGUAGE_CODE])
    return {
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "encoder": "html",
        "number_of_fragments": 1,
        "fragment_size": 180,
        "no_match_size": 0,
        "fields": {
            f"{name}_{code}": {} for name in mapping.HIGHLIGHTED_FIELDS for code in languages
        },
    }


def spelling_language(request):
    """The language corrections are taken from: the reader's (the default if the
    index has no fields of that language)."""
    codes = mapping.language_codes()
    return request.language if request.language in codes else settings.LANGUAGE_CODE


def did_you_mean(request):
    """Corrections for words the index does not know in any language ("unknown" says
    which), taken from the words of the query's language ("did_you_mean"). The service
    shows one only if it finds more than the query as typed."""
    term = {
        "suggest_mode": "missing",
        "max_edits": 2,
        "prefix_length": 1,
        "min_word_length": 4,
        "size": 1,
    }
    return {
        "text": " ".join(request.words),
        "unknown": {"term": {**term, "field": "words"}},
        "did_you_mean": {
            "term": {**term, "field": mapping.words_field(spelling_language(request))}
        },
    }


def matching_items(request):
    return {"bool": {"must": [text_query(request)], "filter": [REPRESENTATIVE]}}


def build_counts_body(request):
    """The facet counts and the total. Without hits (size 0) the engine keeps the
    answer in its request cache, so counts for a repeated search cost nothing."""
    return {"query": matching_items(request), "aggs": facet_aggregations(request), "size": 0}


def build_page_body(request):
    """One page of items (representatives) with highlights and a spelling suggestion."""
    body = {
        "query": matching_items(request),
        "post_filter": {"bool": {"filter": filters_except(request)}},
        "sort": sort_clause(request),
        "track_total_hits": False,
        "from": (request.page - 1) * PAGE_SIZE,
        "size": PAGE_SIZE,
        "_source": {
            "excludes": [
                *mapping.text_field_names(),
                *mapping.names_field_names(),
                *mapping.lemmas_field_names(),
                "tags",
                "suggest",
            ]
        },
    }
    if request.words:
        body["highlight"] = highlight(request)
        body["suggest"] = did_you_mean(request)
    return body


def build_count_body(request):
    """Only the number of items a search finds (to check a spelling correction)."""
    query = matching_items(request)
    query["bool"]["filter"] = [*query["bool"]["filter"], *filters_except(request)]
    return {"query": query}


def build_search_bodies(index, request):
    """The multi-search (header, body lines) both engines run for one results page.

    A search with words is one request: the facet counts are aggregations of the
    query, the page is the post-filtered hits, so the engine matches the words once.
    Browsing (no words) asks for the counts apart, as a request without hits that
    the engine's request cache keeps: the same few listings are asked for often.
    """
    if request.words:
        return [{"index": index}, {**build_page_body(request), "aggs": facet_aggregations(request)}]
    return [
        {"index": index, "request_cache": True},
        build_counts_body(request),
        {"index": index},
        build_page_body(request),
    ]


def build_suggest_body(text, language):
    """Title completions, one per item, in the reader's language where it exists."""
    return {
        "query": {
            "bool": {
                "must": [{"match_bool_prefix": {"suggest": {"query": text, "operator": "and"}}}],
                "should": language_preference(language),
            }
        },
        "collapse": {"field": "translation_key"},
        "size": SUGGESTION_LIMIT,
        "_source": ["title", "url", "type", "locale"],
    }
