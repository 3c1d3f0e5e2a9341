"""The search service: one entry point for the page, the API and the admin checks.

It runs a request on the configured engine and, if that engine is down or too
slow, answers from the database engine instead and says so (``fallback``). An
engine that answers with an error (a rejected query) is not an outage: that is
logged and raised as EngineError, for the views to answer with a clear error.
The health probe, which also pushes the index updates an outage held back,
is in search.sync.
"""

import logging
import re

from django.utils import translation
from django.utils.translation import get_language_info

from knowledgebase import content_types
from knowledgebase.languages import by_own_name
from search import engines, facets
from search.engines.base import EngineError, EngineUnavailable
from search.engines.database import DatabaseEngine
from search.keeping import kept_answer, kept_vocabulary
from search.picks import arrange_picks
from search.query import SearchRequest, pages_for

logger = logging.getLogger(__name__)


def get_engine():
    """The configured engine (SEARCH_ENGINES; one client per configuration, reused)."""
    return engines.get_engine()


def local_copy():
    """The database engine: written with every change, it answers when the configured
    engine is down, and keeps the documents the outbox sends to a remote engine."""
    return DatabaseEngine()


def uses_remote_engine():
    return get_engine().remote


def known_keys():
    """The values a request may select, per facet (the registry's keys name the kept
    value, so a facet registered later is checked too)."""
    return kept_vocabulary(f"keys:{','.join(facets.keys())}", build_known_keys)


def build_known_keys():
    return {facet.key: facet.valid_values() for facet in facets.all_facets()}


def parse_request(params, language):
    return SearchRequest.from_params(params, language, known_keys())


def run(request):
    """Search, falling back to the database engine; returns (result, engine name, fallback)."""
    engine = get_engine()
    try:
        result = search_on(engine, request)
    except EngineUnavailable as error:
        note_outage(error)
        fallback = local_copy()
        return search_on(fallback, request), fallback.name, True
    except EngineError:
        logger.exception("The search engine rejected a query")
        raise
    return result, engine.name, False


def search_on(engine, request):
    """The search; if no item has all (or most) of the words, the items that have any."""
    result = engine.search(request)
    if result.total == 0 and len(request.units) > 1 and not request.relaxed:
        return engine.search(request.relax())
    return result


def search(request, with_version_links=False):
    """The JSON-ready answer to a SearchRequest (see DESIGN.md for its shape), kept
    a short while unless the database answered for a failed engine.

    The HTML page also wants links to each result's other language versions.
    """
    return kept_answer(
        ("search", request, with_version_links),
        lambda: answer(request, with_version_links),
        keep=lambda value: not value["fallback"],
    )


def answer(request, with_version_links):
    result, engine_name, fallback = run(request)
    pages = pages_for(result.total)
    if request.page > pages:
        request = request.with_page(pages)
        result, engine_name, fallback = run(request)
    picks, hits = arrange_picks(request, result.hits, local_copy())  # editors' picks first
    with translation.override(request.language):
        return {
            "query": request.query,
            "total": result.total,
            "page": request.page,
            "pages": pages,
            "engine": engine_name,
            "fallback": fallback,
            "suggestion": result.suggestion,
            "results": [
                {**present_hit(pick, request, with_version_links), "editors_pick": True}
                for pick in picks
            ]
            + [present_hit(hit, request, with_version_links) for hit in hits],
            "facets": present_facets(result.facets, request),
        }


def suggest(text, language):
    text = " ".join(text.split())[:100]
    if len(text) < 2:
        return []
    return kept_answer(("suggest", text, language), lambda: suggestions(text, language))


def suggestions(text, language):
    try:
        documents = get_engine().suggest(text, language)
    except EngineUnavailable as error:
        note_outage(error)
        documents = local_copy().suggest(text, language)
    except EngineError:
        logger.exception("The search engine rejected a suggestion query")
        raise
    return [
        {key: document[key] for key in ("title", "url", "type", "locale")} for document in documents
    ]


def note_outage(error):
    logger.warning("Search engine unavailable, answering from the database: %s", error)


# Presenting results --------------------------------------------------------------


def present_hit(hit, request, with_version_links=False):
    document = hit.document
    presented = {
        "id": document["translation_key"],
        "title": document["title"],
        "url": document["url"],
        "type": document["type"],
        "locale": document["locale"],
        "summary": document["summary"],
        "highlight": with_cut_marks(hit.highlight),
        "topics": document["topics"],
        "members": document["members"],
        "regions": document["regions"],
        "published": document["published"],
        "last_reviewed": document["last_reviewed"],
        "translations": document["translations"],
        "in_reader_language": document["locale"] == request.language,
    }
    if with_version_links:  # the other languages the item can be read in
        presented["versions"] = sorted(
            (
                (code, get_language_info(code)["name_local"], version["url"])
                for code, version in document["versions"].items()
                if code != document["locale"]
            ),
            key=lambda version: by_own_name(version[1]),
        )
    return presented


# A fragment that starts in the middle of a sentence, or ends before its end, was cut.
SENTENCE_END = re.compile(r"[.!?…:;)”\"'»]$")
TAGS = re.compile(r"<[^>]+>")


def with_cut_marks(fragment):
    """A highlighted fragment (which every engine cuts at word boundaries) with "…"
    on each side where it was cut out of a longer text."""
    if not fragment:
        return fragment
    fragment = fragment.strip()
    text = TAGS.sub("", fragment)
    before = "…" if text[:1].islower() or text[:1].isdigit() else ""
    after = "" if SENTENCE_END.search(text) else "…"
    return f"{before}{fragment}{after}"


def type_labels():
    return content_types.facet_labels()


def facet_labels(name, language):
    """{value: (label, the label's language)} of a facet on a page in a language."""
    return facets.get(name).labels(language)


def present_facets(counted, request):
    presented = {}
    for name, counts in counted.items():
        selected = request.filters.get(name, [])
        values = set(counts) | set(selected)
        facet = facets.get(name)
        labels = facet.labels(request.language)
        entries = [
            {
                "value": value,
                "label": labels.get(value, (value, request.language))[0],
                "lang": labels.get(value, (value, request.language))[1],
                "count": counts.get(value, 0),
                "selected": value in selected,
            }
            for value in values
        ]
        if facet.by_value_descending:
            entries.sort(key=lambda entry: entry["value"], reverse=True)
        else:
            entries.sort(key=lambda entry: (-entry["count"], entry["label"].lower()))
        presented[name] = entries
    return presented
