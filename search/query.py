"""The search request, checked, and the engine query built from it.

``SearchRequest.from_params`` turns query-string parameters into a request or
raises ``BadRequest`` naming the field at fault; ``build_search_bodies`` and
``build_suggest_body`` give the queries OpenSearch and Elasticsearch both run.
"""

import math
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _

from search import mapping

PAGE_SIZE = 10
MAX_QUERY_LENGTH = 1000
MAX_QUERY_TERMS = 16  # fields x terms must stay under the engines' clause limit (1024)
MAX_PAGE = 1000
MAX_FACET_VALUES = 100  # values selected in one facet
SORTS = ("relevance", "newest", "reviewed")
TYPES = ("guide", "lesson", "member", "output")
FACETS = tuple(mapping.FACET_FIELDS)
# ASCII digits only: str.isdigit() and \d also accept "²" or "٢", which int() or the engine reject.
YEAR = re.compile(r"[0-9]{4}")
PAGE_NUMBER = re.compile(r"[0-9]{1,4}")
# Control characters other than whitespace (NUL above all: PostgreSQL text cannot hold it).
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
SUGGESTION_LIMIT = 8

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
        raise BadRequest(_("The search text contains control characters."), "q")
    return " ".join(text.split())


@dataclass
class SearchRequest:
    query: str = ""
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    language: str = settings.LANGUAGE_CODE

    @classmethod
    def from_params(cls, params, language, known_keys):
        """Check query-string parameters; ``known_keys`` maps facet -> set of valid keys."""
        query = search_text(params.get("q", ""))
        if len(query) > MAX_QUERY_LENGTH:
            raise BadRequest(
                _("The search text is too long (at most %(limit)d characters).")
                % {"limit": MAX_QUERY_LENGTH},
                "q",
            )
        return cls(
            query=query,
            filters={name: cls._facet_values(params, name, known_keys) for name in FACETS},
            sort=cls._choice(params, "sort", SORTS, "relevance"),
            page=cls._page(params.get("page")),
            language=language,
        )

    @staticmethod
    def _facet_values(params, name, known_keys):
        values = list(dict.fromkeys(v for v in params.getlist(name) if v != ""))
        if len(values) > MAX_FACET_VALUES:
            raise BadRequest(
                _("Select at most %(limit)d values of %(facet)s.")
                % {"limit": MAX_FACET_VALUES, "facet": name},
                name,
            )
        for value in values:
            valid = YEAR.fullmatch(value) if name == "year" else value in known_keys[name]
            if not valid:
                raise BadRequest(
                    _("Unknown %(facet)s: “%(value)s”.") % {"facet": name, "value": value[:80]},
                    name,
                )
        return values

    @staticmethod
    def _choice(params, name, choices, default):
        value = params.get(name) or default
        if value not in choices:
            raise BadRequest(
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
                _("page must be a whole number from 1 to %(max)d.") % {"max": MAX_PAGE}, "page"
            )
        return int(value)

    @property
    def terms(self):
        return self.query.split()[:MAX_QUERY_TERMS]

    @property
    def match_text(self):
        return " ".join(self.terms)

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
        return SearchRequest(self.query, self.filters, self.sort, page, self.language)


def pages_for(total):
    return max(1, math.ceil(total / PAGE_SIZE))


def facet_filter(name, values):
    return {"terms": {mapping.FACET_FIELDS[name]: values}}


def filters_except(request, excluded=None):
    return [
        facet_filter(name, values)
        for name, values in request.filters.items()
        if values and name != excluded
    ]


def text_query(request):
    if not request.terms:
        return {"match_all": {}}
    fields = [
        f"{name}_{code}^{boost}"
        for name, boost in mapping.FIELD_BOOSTS.items()
        for code in mapping.language_codes()
    ]
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": request.match_text,
                        "fields": fields,
                        "type": "best_fields",
                        "operator": "and",
                        "tie_breaker": 0.3,
                    }
                },
                {
                    "match": {
                        "tags": {
                            "query": request.match_text,
                            "operator": "and",
                            "boost": mapping.TAGS_BOOST,
                        }
                    }
                },
            ],
            "minimum_should_match": 1,
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
    by_score = [{"_score": "desc"}, {"published": "desc"}, {"translation_key": "asc"}]
    if request.effective_sort == "newest":
        return [{"published": "desc"}, {"_score": "desc"}, {"translation_key": "asc"}]
    if request.effective_sort == "reviewed":
        return [{"last_reviewed": {"order": "desc", "missing": "_last"}}, *by_score]
    return by_score


def facet_aggregations(request):
    """Each facet counted under the other facets' filters (disjunctive facets).

    A facet with nothing selected is counted under the whole selection, so all
    such facets share the ``total`` filter; only selected facets need their own.
    """
    selected = [name for name in mapping.FACET_FIELDS if request.filters.get(name)]
    aggs = {
        "total": {
            "filter": {"bool": {"filter": filters_except(request)}},
            "aggs": {
                f"facet_{name}": facet_values(name)
                for name in mapping.FACET_FIELDS
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
    return {"terms": {"field": mapping.FACET_FIELDS[name], "size": 500}}


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
            f"{name}_{code}": {} for name in ("summary", "body", "headings") for code in languages
        },
    }


def did_you_mean(request):
    return {
        "text": request.match_text,
        "did_you_mean": {
            "phrase": {
                "field": "spelling",
                "gram_size": 1,
                "size": 1,
                "max_errors": 2,
                "direct_generator": [
                    {"field": "spelling", "suggest_mode": "always", "min_word_length": 3}
                ],
            }
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
        "_source": {"excludes": [*mapping.text_field_names(), "tags", "suggest"]},
    }
    if request.effective_sort != "relevance":
        body["track_scores"] = True  # the score still breaks ties
    if request.terms:
        body["highlight"] = highlight(request)
        body["suggest"] = did_you_mean(request)
    return body


def build_search_bodies(index, request):
    """The multi-search (header, body lines) both engines run for one results page."""
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
