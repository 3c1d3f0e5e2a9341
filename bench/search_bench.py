"""Search benchmark: indexing rate and faceted query latency at N documents.

    python bench/search_bench.py --docs 100000          (or: make bench DOCS=100000)

Generates a synthetic multilingual corpus (bench/corpus.py), writes it to a
throwaway database (bench/results/bench.sqlite3, or DATABASE_URL), and measures
  - OpenSearch: bulk indexing through the adapter's rebuild and raw; a query mix
    end to end through search.service, and the engine's own ``took``;
  - the database engine: writing the rows, and the same query mix;
  - plain Wagtail search (modelsearch): the same facets as six ``.facet()`` calls.
OpenSearch and plain Wagtail are measured side by side: both indexes first, then
each query on both in turn (measure.run_side_by_side).
Prints a markdown table and writes bench/results/search-<N>.{md,json}.
"""

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import fixtures, measure, report
from bench import opensearch_bench as osb
from bench.corpus import QueryMaker, make_corpus

RESULTS = Path(__file__).resolve().parent / "results"
ENGINES = ("opensearch", "database", "wagtail")
STORE_GROUP_SAMPLE = 2000  # documents written the slow, exact way


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents in the corpus")
    parser.add_argument("--queries", type=int, default=300, help="measured queries per engine")
    parser.add_argument("--warmup", type=int, default=30, help="unmeasured queries first")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset")
    parser.add_argument("--url", help="OpenSearch URL (default: SEARCH_URL, else our own node)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--timeout",
        type=float,
        default=None,
        help="seconds per engine call (default: SEARCH_TIMEOUT, i.e. the project's 2 s)",
    )
    parser.add_argument(
        "--db-budget",
        type=float,
        default=300,
        help="seconds of measured database-engine queries before it stops early",
    )
    args = parser.parse_args()
    args.engines = [name for name in args.engines.split(",") if name]
    unknown = set(args.engines) - set(ENGINES)
    if unknown:
        parser.error(f"unknown engine(s): {', '.join(sorted(unknown))}")
    return args


def main():
    args = parse_args()
    database_url = fixtures.setup_django()
    from django.conf import settings

    timeout = args.timeout or settings.SEARCH_TIMEOUT
    results = {
        "generated": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "parameters": {
            "docs": args.docs,
            "queries": args.queries,
            "warmup": args.warmup,
            "seed": args.seed,
            "engines": args.engines,
            "search_timeout_s": timeout,
            "database": database_url.split(":", 1)[0],
        },
        "engines": {},
    }

    print(f"Generating {args.docs:,} documents (seed {args.seed})…", flush=True)
    maker, corpus = make_corpus(args.docs, args.seed, measure.Progress("documents", args.docs))
    queries = QueryMaker(maker, corpus.documents, args.seed + 1).queries(args.queries)
    warmup = QueryMaker(maker, corpus.documents, args.seed + 2).queries(args.warmup)
    results["parameters"].update(corpus_facts(corpus))

    print(f"Preparing the database ({database_url})…", flush=True)
    fixtures.prepare_database()
    fixtures.create_facet_rows(corpus)
    if {"database", "wagtail"} & set(args.engines):
        results["engines"]["database"] = {"index": write_rows(corpus.documents)}

    port = os.environ.get("ENGINE_PORT", osb.DEFAULT_PORT)
    url, started_node = args.url or os.environ.get("SEARCH_URL"), False
    if not url and {"opensearch", "wagtail"} & set(args.engines):
        url, started_node = osb.ensure_node(port)
    try:
        run_engines(args, results, corpus, queries, warmup, url, timeout)
    finally:
        if started_node:
            osb.stop_node(port)

    RESULTS.mkdir(exist_ok=True)
    results["machine"]["load_after"] = load_average()
    text = report.write(
        results, RESULTS / f"search-{args.docs}.json", RESULTS / f"search-{args.docs}.md"
    )
    print("\n" + text)
    print(f"Written: bench/results/search-{args.docs}.md and .json")


def run_engines(args, results, corpus, queries, warmup, url, timeout):
    engines = results["engines"]
    if "database" in args.engines:
        engines["database"].update(bench_database(queries, warmup, args.db_budget))
    elif "database" in engines:
        del engines["database"]  # the rows were only written for the Wagtail index
    compared = [name for name in ("opensearch", "wagtail") if name in args.engines]
    if compared:
        engines.update(bench_side_by_side(compared, corpus, queries, warmup, url, timeout))
    if "opensearch" in engines:
        results["machine"].update(engines["opensearch"].pop("node"))


# Phases --------------------------------------------------------------------------------------


def write_rows(documents):
    """IndexedDocument rows: a sample through store_group, the rest with bulk_create."""
    sample = whole_groups(documents, STORE_GROUP_SAMPLE)
    print(f"Writing {len(sample):,} rows with search.sync.store_group…", flush=True)
    sync_seconds = fixtures.store_like_sync(sample)
    rest = documents[len(sample) :]
    print(f"Writing {len(rest):,} rows with bulk_create…", flush=True)
    bulk_seconds = fixtures.store_in_bulk(rest, measure.Progress("rows", len(rest)))
    return {
        "store_group_docs": len(sample),
        "store_group_docs_per_s": round(len(sample) / sync_seconds),
        "bulk_create_docs": len(rest),
        "bulk_create_docs_per_s": round(len(rest) / bulk_seconds) if rest else None,
    }


def whole_groups(documents, limit):
    """The first documents up to about ``limit``, not cutting a translation group."""
    count = 0
    for _key, group in fixtures.groups_of(documents):
        if count >= limit:
            break
        count += len(group)
    return documents[:count]


def bench_side_by_side(names, corpus, queries, warmup, url, timeout):
    """OpenSearch through the search service and plain Wagtail: both indexes built
    first, then every query on both in turn (measure.run_side_by_side)."""
    from django.test import override_settings

    from bench.wagtail_style import WagtailStyle

    # Bulk requests of 1,000 large documents can outlast a 2 s search timeout on a busy
    # machine; indexing gets its own client with a generous one.
    indexer = osb.make_engine(url, timeout=max(timeout, 60))
    wagtail = WagtailStyle(url, f"{osb.INDEX_PREFIX}-wagtail-", max(timeout, 60))
    summaries, runs = {}, {}
    try:
        if "opensearch" in names:
            node = osb.node_info(indexer)
            print(f"OpenSearch {node['opensearch']} at {url}", flush=True)
            summaries["opensearch"] = {"index": index_opensearch(indexer, corpus.documents)}
            summaries["opensearch"]["node"] = node
        if "wagtail" in names:
            summaries["wagtail"] = {"index": index_wagtail(wagtail)}
            runs["wagtail"] = wagtail.run
        with override_settings(**osb.search_settings(url, timeout)):
            from search.service import get_engine

            if "opensearch" in names:
                runs = {"opensearch": measure.ServiceRunner(get_engine()).run, **runs}
            records = measure.run_side_by_side("queries", runs, queries, warmup)
    finally:
        indexer.drop()
        osb.drop_scratch_index(indexer)
        wagtail.drop()
    for name, keys in SUMMARISED.items():
        if name in records:
            summaries[name].update(report.engine_summary(records[name], keys))
    if "opensearch" in records:
        fallbacks = sum(1 for record in records["opensearch"] if record["engine"] != "opensearch")
        summaries["opensearch"]["fallbacks"] = fallbacks
    return summaries


SUMMARISED = {
    "opensearch": ("wall_ms", "took_ms", "client_ms", "parse_ms"),
    "wagtail": ("wall_ms", "with_page_ms", "took_ms"),
}


def index_opensearch(indexer, documents):
    print("Raw bulk indexing…", flush=True)
    raw_count, raw_seconds, serialise_seconds = osb.index_raw(indexer, documents)
    print(f"  raw: {raw_count / raw_seconds:,.0f} docs/s", flush=True)
    print("Indexing through the adapter's rebuild()…", flush=True)
    count, seconds = osb.index_through_adapter(
        indexer, documents, measure.Progress("rebuild", len(documents))
    )
    return {
        "adapter_docs_per_s": round(count / seconds),
        "adapter_seconds": round(seconds, 1),
        "raw_docs_per_s": round(raw_count / raw_seconds),
        "raw_seconds": round(raw_seconds, 1),
        "serialise_seconds": round(serialise_seconds, 1),
    }


def bench_database(queries, warmup, budget):
    from django.test import override_settings

    with override_settings(SEARCH_ENGINE="database", **osb.NOTHING_KEPT):
        runner = measure.ServiceRunner()
        records = measure.run_mix(
            "database queries", runner.run, queries, warmup[:5], budget_seconds=budget
        )
    summary = report.engine_summary(records, ("wall_ms", "parse_ms"))
    summary["budget_seconds"] = budget
    return summary


def index_wagtail(wagtail):
    from search.models import IndexedDocument

    print("Indexing through modelsearch (plain Wagtail)…", flush=True)
    progress = measure.Progress("modelsearch", IndexedDocument.objects.count())
    count, seconds = wagtail.build_index(progress)
    return {"docs_per_s": round(count / seconds), "seconds": round(seconds, 1)}


# Facts ---------------------------------------------------------------------------------------


def corpus_facts(corpus):
    sample = corpus.documents[:: max(1, len(corpus.documents) // 2000)]
    size = sum(len(json.dumps(document)) for document in sample) / len(sample)
    return {
        "groups": corpus.groups,
        "topics": len(corpus.topics),
        "regions": len(corpus.regions),
        "members": len(corpus.members),
        "mean_document_kb": round(size / 1024, 1),
    }


def load_average():
    return round(os.getloadavg()[0], 2)


def machine_info():
    return {
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_before": load_average(),
        "code": code_version(),
    }


def code_version():
    """The commit measured, and whether search/ had uncommitted changes."""

    def git(*args):
        result = subprocess.run(["git", *args], cwd=fixtures.REPO, capture_output=True, text=True)
        return result.stdout.strip()

    return {
        "commit": git("rev-parse", "--short", "HEAD"),
        "search_changed": bool(git("status", "--porcelain", "search")),
    }


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"Total time: {time.perf_counter() - started:,.0f} s")
