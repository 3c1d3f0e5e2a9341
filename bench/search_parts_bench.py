"""What each part of an OpenSearch search costs: the same queries with one part changed.

    python bench/search_parts_bench.py --docs 100000 --url http://127.0.0.1:9200 --keep

Builds the bench corpus (bench/corpus.py) into an index once (``--keep`` leaves it
for the next run, which reuses it when it holds the same documents), then runs
every query of the mix once per variant, the variants in turn query by query, so
that a busy machine slows them all alike. A variant switches one part of the
search off or tries another design for it (see VARIANTS). The request cache is
cleared before every search: each variant pays for its own counts.

Prints, per variant: end-to-end p50/p95 (search.service.search, as the page and
the API call it), text and browse p95, the engine's ``took`` summed over the
requests of a search, and the ratio of each to the full search. ``--profile N``
prints where the engine spends its time on the N slowest full searches
(OpenSearch's profile API). Writes bench/results/search-parts-<N>.json.
"""

import argparse
import contextlib
import datetime
import json
import os
import sys
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import fixtures, measure
from bench import opensearch_bench as osb
from bench.corpus import QueryMaker, make_corpus

RESULTS = Path(__file__).resolve().parent / "results"
INDEX_PREFIX = "polarkb-parts"


# Variants: each is a context manager that changes one part of the search -----------------


@contextlib.contextmanager
def full(_state):
    yield


def patched(target, replacement):
    return mock.patch(target, replacement)


@contextlib.contextmanager
def without_fuzzy(_state):
    from search import query

    def exact_only(word, known=False, language=None):
        return {
            "multi_match": {"query": word, "fields": query.all_text_fields(), "tie_breaker": 0.3}
        }

    with patched("search.query.word_query", exact_only):
        yield


@contextlib.contextmanager
def without_bonuses(_state):
    with patched("search.query.ranking_bonuses", lambda words: []):
        yield


@contextlib.contextmanager
def without_concepts(_state):
    from search import query

    original = query.units_for

    def plain_units(words, max_expansions, language=None):
        units = original(words, max_expansions, language)
        return [query.replace(unit, expansions=(), translations=()) for unit in units]

    with patched("search.query.units_for", plain_units):
        yield


def editing_bodies(edit):
    """A variant that edits the multi-search bodies: (header, counts, header, page), or
    (header, page with counts)."""
    from search.engines import elastic

    original = elastic.build_search_bodies

    def build(index, request):
        bodies = original(index, request)
        edit(bodies, request)
        return bodies

    return patched("search.engines.elastic.build_search_bodies", build)


@contextlib.contextmanager
def without_highlight(_state):
    with editing_bodies(lambda bodies, request: bodies[-1].pop("highlight", None)):
        yield


@contextlib.contextmanager
def without_suggester(_state):
    with editing_bodies(lambda bodies, request: bodies[-1].pop("suggest", None)):
        yield


@contextlib.contextmanager
def without_correction_count(_state):
    """The suggester runs; the count that checks its correction does not."""
    from search.engines.elastic import ElasticFamilyEngine

    with mock.patch.object(ElasticFamilyEngine, "finds_more", lambda self, request, than: False):
        yield


@contextlib.contextmanager
def without_facet_counts(_state):
    """The counts request keeps the total, not the six facets' terms aggregations."""
    from search.engines import elastic

    original = elastic.facet_buckets

    def drop_facets(bodies, request):
        bodies[1]["aggs"] = {"total": {"filter": bodies[1]["aggs"]["total"]["filter"]}}

    def buckets(aggregations, name):
        return [] if f"facet_{name}" not in aggregations["total"] else original(aggregations, name)

    with editing_bodies(drop_facets), patched("search.engines.elastic.facet_buckets", buckets):
        yield


@contextlib.contextmanager
def cross_fields(_state):
    """Each word as one cross_fields query per language (its 4 fields scored as one field;
    OpenSearch has no combined_fields)."""
    from search import mapping, query

    original = query.word_query

    def exact(word):
        per_language = [
            {
                "multi_match": {
                    "query": word,
                    "type": "cross_fields",
                    "fields": mapping.text_fields(code),
                }
            }
            for code in mapping.language_codes()
        ]
        tags = {"match": {"tags": {"query": word, "boost": mapping.TAGS_BOOST}}}
        return {"dis_max": {"queries": [*per_language, tags], "tie_breaker": 0.3}}

    def word_query(word, known=False, language=None):
        if known or not query.may_be_a_typo(word):
            return exact(word)
        fuzzy = original(word)["bool"]["should"][1]
        return {"bool": {"should": [exact(word), fuzzy]}}

    with patched("search.query.word_query", word_query):
        yield


@contextlib.contextmanager
def light_concepts(_state):
    """A concept's names in other languages looked for in titles, summaries, headings
    and topic names, not in bodies."""
    from search import mapping, query

    original = query.name_query

    def name_query(language, name):
        built = original(language, name)
        built["multi_match"]["fields"] = [
            *mapping.text_fields(language, mapping.PHRASE_FIELDS),
            "tags",
        ]
        return built

    with patched("search.query.name_query", name_query):
        yield


@contextlib.contextmanager
def reader_languages(state):
    """Words looked for in the reader's language and the default one only."""
    from django.conf import settings

    from search import mapping

    def fields():
        codes = dict.fromkeys([state["language"], settings.LANGUAGE_CODE])
        text = [field for code in codes for field in mapping.text_fields(code)]
        return [*text, f"tags^{mapping.TAGS_BOOST}"]

    with patched("search.query.all_text_fields", fields):
        yield


@contextlib.contextmanager
def previous(state):
    """The design before the parts were measured: counts always a request of their
    own, and a concept's names looked for in tags too."""
    from search import mapping, query

    original_bodies, original_names = query.build_search_bodies, query.name_query

    def build(index, request):
        if not request.words:
            return original_bodies(index, request)
        return [
            {"index": index, "request_cache": True},
            query.build_counts_body(request),
            {"index": index},
            query.build_page_body(request),
        ]

    def name_query(language, name):
        built = original_names(language, name)
        built["multi_match"]["fields"] = [
            *mapping.text_fields(language),
            "tags",
        ]
        return built

    with (
        patched("search.engines.elastic.build_search_bodies", build),
        patched("search.query.name_query", name_query),
    ):
        yield


@contextlib.contextmanager
def names_in_words(_state):
    """A concept's names looked for, all their words, in one field per language: the
    words of that language's text as written (not stemmed, no frequencies)."""
    from search import mapping, query

    def name_query(language, name):
        field = mapping.words_field(language)
        return {
            "match": {field: {"query": name, "operator": "and", "boost": query.EXPANSION_BOOST}}
        }

    with patched("search.query.name_query", name_query):
        yield


@contextlib.contextmanager
def constant_names(_state):
    """A concept's name found adds a constant (the expansion boost times the boost of
    the best field holding the whole name: title, summary, else anywhere), not a score."""
    from search import mapping, query

    original = query.name_query

    def constant(filter_query, boost):
        return {"constant_score": {"filter": filter_query, "boost": boost}}

    def name_query(language, name):
        anywhere = original(language, name)
        boost = anywhere["multi_match"].pop("boost")
        whole = [
            constant(
                {"match": {f"{field}_{language}": {"query": name, "operator": "and"}}},
                boost * mapping.FIELD_BOOSTS[field],
            )
            for field in ("title", "summary")
        ]
        return {"dis_max": {"queries": [*whole, constant(anywhere, boost)]}}

    with patched("search.query.name_query", name_query):
        yield


@contextlib.contextmanager
def four_names(_state):
    """At most four other-language names per concept (preferred labels first)."""
    with patched("search.concepts.NAMES_PER_CONCEPT", 4):
        yield


@contextlib.contextmanager
def fewer_fuzzy_terms(_state):
    """A misspelled word stands for at most 5 indexed words, not 20."""
    with patched("search.query.FUZZY_EXPANSIONS", 5):
        yield


@contextlib.contextmanager
def counts_apart(_state):
    """Counts and page as two requests of one multi-search, as browsing does: the
    counts are not scored, and the page can skip items that cannot reach the top."""
    from search import query

    def build(index, request):
        return [
            {"index": index},
            query.build_counts_body(request),
            {"index": index},
            query.build_page_body(request),
        ]

    with patched("search.engines.elastic.build_search_bodies", build):
        yield


@contextlib.contextmanager
def fuzzy_everywhere(_state):
    """The fuzzy clause on every word with no digit, as before: short words and words
    that name a concept too."""
    from search import analysis, query

    original = query.word_query

    def word_query(word, known=False, language=None):
        return original(word)

    with (
        patched("search.query.word_query", word_query),
        patched("search.query.may_be_a_typo", analysis.tolerates_typos),
    ):
        yield


@contextlib.contextmanager
def fuzzy_unscored(_state):
    """A corrected word counts by how close it is (one constant per indexed word), not
    by a blended BM25 score of the words it may stand for."""
    from search import query

    original = query.word_query

    def word_query(word, known=False, language=None):
        built = original(word, known, language)
        if "bool" in built:
            fuzzy = built["bool"]["should"][1]["match"]["words"]
            fuzzy["fuzzy_rewrite"] = f"top_terms_boost_{query.FUZZY_EXPANSIONS}"
        return built

    with patched("search.query.word_query", word_query):
        yield


@contextlib.contextmanager
def scored_date_sorts(_state):
    """Sorted by a date, the score still breaks ties (so every matching item is scored)."""
    from search import query

    original = query.sort_clause

    def sort_clause(request):
        clause = original(request)
        if request.effective_sort == "relevance":
            return clause
        return [*clause[:-2], {"_score": "desc"}, *clause[-2:]]

    def build(index, request):
        bodies = original_bodies(index, request)
        if request.effective_sort != "relevance":
            bodies[-1]["track_scores"] = True
        return bodies

    original_bodies = query.build_search_bodies
    with (
        patched("search.query.sort_clause", sort_clause),
        patched("search.engines.elastic.build_search_bodies", build),
    ):
        yield


@contextlib.contextmanager
def whole_answer(_state):
    """The engine sends its whole answer (hit metadata, sort values, shard counts), not
    only the parts the results are made of."""
    with patched("search.engines.elastic.SEARCH_ANSWER_PARTS", None):
        yield


VARIANTS = {
    "full": full,
    "no-fuzzy": without_fuzzy,
    "no-bonuses": without_bonuses,
    "no-concepts": without_concepts,
    "no-highlight": without_highlight,
    "no-suggester": without_suggester,
    "no-correction-count": without_correction_count,
    "no-facet-counts": without_facet_counts,
    "cross-fields": cross_fields,
    "reader-languages": reader_languages,
    "light-concepts": light_concepts,
    "previous": previous,
    "names-in-words": names_in_words,
    "constant-names": constant_names,
    "four-names": four_names,
    "fewer-fuzzy-terms": fewer_fuzzy_terms,
    "counts-apart": counts_apart,
    "fuzzy-everywhere": fuzzy_everywhere,
    "fuzzy-unscored": fuzzy_unscored,
    "scored-date-sorts": scored_date_sorts,
    "whole-answer": whole_answer,
}


# Measuring ---------------------------------------------------------------------------------


class Recorder:
    """Wraps the engine's client calls: the engine's ``took`` and the requests made."""

    def __init__(self, engine):
        self.engine = engine
        self.took, self.requests = 0, 0
        self.original = type(engine).call

    def reset(self):
        self.took, self.requests = 0, 0

    @contextlib.contextmanager
    def recording(self):
        recorder = self

        def call(engine, method, *args, **kwargs):
            answer = recorder.original(engine, method, *args, **kwargs)
            recorder.requests += 1
            if isinstance(answer, dict):
                responses = answer.get("responses") or [answer]
                recorder.took += answer.get("took") or max(r.get("took", 0) for r in responses)
            return answer

        with mock.patch.object(type(self.engine), "call", call):
            yield


def run_variants(engine, names, queries, warmup):
    from search import service

    recorder, state = Recorder(engine), {}
    records = {name: [] for name in names}
    progress = measure.Progress("searches", len(queries) * len(names))

    def one(name, query):
        state["language"] = query.language
        engine.client.indices.clear_cache(index=engine.alias, request=True)
        recorder.reset()
        with recorder.recording(), VARIANTS[name](state):
            started = time.perf_counter()
            request = service.parse_request(measure.query_dict(query.params), query.language)
            answer = service.search(request)
            wall = (time.perf_counter() - started) * 1000
        return {
            "wall_ms": wall,
            "took_ms": recorder.took,
            "requests": recorder.requests,
            "total": answer["total"],
            "kind": query.kind,
            "top": [result["id"] for result in answer["results"][:3]],
        }

    for query in warmup:
        for name in names:
            one(name, query)
    for number, query in enumerate(queries):
        # Rotate the order, so no variant always runs right after another.
        shift = number % len(names)
        for name in names[shift:] + names[:shift]:
            records[name].append(one(name, query))
        progress((number + 1) * len(names))
    return records


def summarise(records):
    text = [r for r in records if r["kind"] == "text"]
    browse = [r for r in records if r["kind"] == "browse"]
    return {
        "wall_ms": measure.summary(records, "wall_ms"),
        "text_wall_ms": measure.summary(text, "wall_ms"),
        "browse_wall_ms": measure.summary(browse, "wall_ms"),
        "took_ms": measure.summary(records, "took_ms"),
        "requests": round(sum(r["requests"] for r in records) / len(records), 2),
    }


def same_answers(records, baseline):
    """Share of searches with the same total and the same top three as the full search."""
    same = sum(
        1
        for mine, full_one in zip(records, baseline, strict=True)
        if mine["total"] == full_one["total"] and mine["top"] == full_one["top"]
    )
    return round(same / len(records), 3)


def table(summaries, agreement):
    base = summaries["full"]
    header = (
        "| variant | p50 ms | p95 ms | p95 ratio | text p95 | browse p95 | took p50 | took p95 "
        "| took p95 ratio | requests | same answers |"
    )
    lines = [header, "|" + "---|" * 11]
    for name, s in summaries.items():
        lines.append(
            f"| {name} | {s['wall_ms']['p50']} | {s['wall_ms']['p95']} "
            f"| {s['wall_ms']['p95'] / base['wall_ms']['p95']:.2f} "
            f"| {s['text_wall_ms']['p95']} | {s['browse_wall_ms']['p95']} "
            f"| {s['took_ms']['p50']} | {s['took_ms']['p95']} "
            f"| {s['took_ms']['p95'] / max(base['took_ms']['p95'], 0.1):.2f} "
            f"| {s['requests']} | {agreement[name]} |"
        )
    return "\n".join(lines)


# Profile -----------------------------------------------------------------------------------


def profile(engine, queries, records, count):
    """The engine's own account of the slowest full searches: time per query part."""
    from search import service
    from search.query import build_search_bodies

    slowest = sorted(range(len(records)), key=lambda i: records[i]["wall_ms"], reverse=True)
    lines = []
    for position in slowest[:count]:
        query = queries[position]
        request = service.parse_request(measure.query_dict(query.params), query.language)
        bodies = build_search_bodies(engine.alias, request)
        lines.append(f"\n{query.params} ({records[position]['wall_ms']:.0f} ms)")
        for body in bodies[1::2]:
            label = "counts" if body.get("size") == 0 else "page"
            response = engine.client.search(
                index=engine.alias, body={**body, "profile": True}, request_cache=False
            )
            lines.extend(f"  {label}: {line}" for line in profile_lines(response["profile"]))
    return "\n".join(lines)


def profile_lines(profile):
    shard = profile["shards"][0]
    lines = []
    for search in shard["searches"]:
        for query in search["query"]:
            lines.extend(query_lines(query, depth=0))
        collectors = search.get("collector", [])
        lines.extend(
            f"collector {c['name']}: {c['time_in_nanos'] / 1e6:.1f} ms" for c in collectors
        )
    for aggregation in shard.get("aggregations", []):
        lines.append(
            f"aggregation {aggregation['description']}: {aggregation['time_in_nanos'] / 1e6:.1f} ms"
        )
    fetch = shard.get("fetch")
    if fetch:
        lines.append(f"fetch: {fetch['time_in_nanos'] / 1e6:.1f} ms")
    return lines


def query_lines(query, depth, max_depth=3):
    line = f"{'  ' * depth}{query['type']} {query['time_in_nanos'] / 1e6:.1f} ms"
    lines = [f"{line}  {query['description'][:100]}"]
    if depth < max_depth:
        children = sorted(query.get("children", []), key=lambda c: -c["time_in_nanos"])
        for child in children[:4]:
            lines.extend(query_lines(child, depth + 1, max_depth))
    return lines


# Index -------------------------------------------------------------------------------------


def ensure_index(engine, documents):
    """Reuse an index with the same documents and fields, else build one."""
    from search import mapping

    if engine.indices_behind_alias():
        count = engine.client.count(index=engine.alias)["count"]
        found = engine.client.indices.get_mapping(index=engine.alias)
        fields = next(iter(found.values()))["mappings"]["properties"]
        if count == len(documents) and set(fields) == set(mapping.properties()):
            print(f"Reusing the index ({count:,} documents)", flush=True)
            return
    print(f"Indexing {len(documents):,} documents…", flush=True)
    engine.rebuild(iter(documents), progress=measure.Progress("rebuild", len(documents)))
    engine.client.indices.forcemerge(index=engine.alias, max_num_segments=1, request_timeout=600)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    measure.add_variant_arguments(parser, VARIANTS)
    parser.add_argument("--queries", type=int, default=200, help="measured queries per variant")
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--profile", type=int, default=0, help="profile the N slowest searches")
    parser.add_argument("--keep", action="store_true", help="keep the index for the next run")
    return measure.checked_variant_arguments(parser, VARIANTS)


def main():
    args = parse_args()
    fixtures.setup_django()
    from django.test import override_settings

    print(f"Generating {args.docs:,} documents (seed {args.seed})…", flush=True)
    maker, corpus = make_corpus(args.docs, args.seed, measure.Progress("documents", args.docs))
    queries = QueryMaker(maker, corpus.documents, args.seed + 1).queries(args.queries)
    warmup = QueryMaker(maker, corpus.documents, args.seed + 2).queries(args.warmup)
    fixtures.prepare_database()
    fixtures.create_facet_rows(corpus)

    settings = {**osb.search_settings(args.url, 10), "SEARCH_INDEX_PREFIX": INDEX_PREFIX}
    with override_settings(**settings):
        from search.engines.opensearch import OpenSearchEngine
        from search.service import get_engine

        builder = OpenSearchEngine([args.url], INDEX_PREFIX, 600)
        ensure_index(builder, corpus.documents)
        engine = get_engine()
        try:
            records = run_variants(engine, args.variants, queries, warmup)
            summaries = {name: summarise(records[name]) for name in args.variants}
            agreement = {name: same_answers(records[name], records["full"]) for name in records}
            text = table(summaries, agreement)
            print("\n" + text)
            if args.profile:
                print(profile(engine, queries, records["full"], args.profile))
        finally:
            if not args.keep:
                builder.drop()
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"search-parts-{args.docs}.json"
    path.write_text(
        json.dumps(
            {
                "generated": datetime.datetime.now().isoformat(timespec="seconds"),
                "docs": args.docs,
                "queries": len(queries),
                "load_average": os.getloadavg()[0],
                "variants": summaries,
                "same_answers": agreement,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"Written: {path.relative_to(fixtures.REPO)}")


if __name__ == "__main__":
    main()
