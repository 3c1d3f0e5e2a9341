"""Running a query mix and summarising timings."""

import math
import os
import time


class Progress:
    """Prints "label: done/total (rate/s)" at most every few seconds, and at the end."""

    def __init__(self, label, total, every=5.0):
        self.label, self.total, self.every = label, total, every
        self.started = self.last = time.perf_counter()

    def __call__(self, done):
        now = time.perf_counter()
        if now - self.last >= self.every or done >= self.total:
            self.last = now
            rate = done / max(now - self.started, 1e-9)
            print(f"  {self.label}: {done:,}/{self.total:,} ({rate:,.0f}/s)", flush=True)


class ServiceRunner:
    """One request end to end as the page and the API make it: check the parameters
    (search.service.parse_request) and search (search.service.search). With an engine,
    the same query bodies are then sent straight to its client for the engine's ``took``."""

    def __init__(self, engine=None):
        self.engine = engine

    def run(self, query):
        from search import service

        started = time.perf_counter()
        request = service.parse_request(query_dict(query.params), query.language)
        parsed = time.perf_counter()
        answer = service.search(request)
        finished = time.perf_counter()
        record = {
            "wall_ms": (finished - started) * 1000,
            "parse_ms": (parsed - started) * 1000,
            "engine": "fallback" if answer["fallback"] else answer["engine"],
            "total": answer["total"],
        }
        if self.engine is not None:
            record.update(self.direct(request.with_page(answer["page"])))
        return record

    def direct(self, request):
        from search.query import build_search_bodies

        bodies = build_search_bodies(self.engine.alias, request)
        # The service's call has just put these counts in the request cache; without
        # this the direct call would time a cache hit, not the same work.
        bodies[0]["request_cache"] = False
        started = time.perf_counter()
        response = self.engine.client.msearch(body=bodies)
        took = response.get("took") or max(answer["took"] for answer in response["responses"])
        return {"client_ms": (time.perf_counter() - started) * 1000, "took_ms": took}


def query_dict(params):
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, values in params.items():
        query.setlist(name, values)
    return query


def run_mix(label, run, queries, warmup, budget_seconds=None):
    """Warm up (unrecorded), then run the queries in order; with a budget, stop once it
    is spent. Returns one record per query run, each with its query's kind and filters."""
    for query in warmup:
        run(query)
    records, progress = [], Progress(label, len(queries))
    started = time.perf_counter()
    for query in queries:
        record = run(query)
        record.update(kind=query.kind, filters=query.filters)
        records.append(record)
        progress(len(records))
        if budget_seconds and time.perf_counter() - started > budget_seconds:
            print(f"  {label}: time budget of {budget_seconds:.0f} s spent", flush=True)
            break
    return records


def run_side_by_side(label, runs, queries, warmup):
    """Each query on every path in turn (``runs``: name -> run), the order turned round
    from one query to the next, so that a busy moment or a node still warming up
    slows every path alike. Returns {name: records}, as run_mix does for one path."""
    names = list(runs)
    for query in warmup:
        for name in names:
            runs[name](query)
    records, progress = {name: [] for name in names}, Progress(label, len(queries))
    for number, query in enumerate(queries):
        for name in names if number % 2 == 0 else reversed(names):
            record = runs[name](query)
            record.update(kind=query.kind, filters=query.filters)
            records[name].append(record)
        progress(number + 1)
    return records


def percentile(values, fraction):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def summary(records, key):
    values = [record[key] for record in records if record.get(key) is not None]
    if not values:
        return None
    return {
        "p50": round(percentile(values, 0.5), 1),
        "p95": round(percentile(values, 0.95), 1),
        "max": round(max(values), 1),
        "mean": round(sum(values) / len(values), 1),
    }


def add_variant_arguments(parser, variants):
    """The options the parts benchmarks share: corpus size, node, seed, variants."""
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--url", default=os.environ.get("SEARCH_URL"))
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--variants", default=",".join(variants), help="comma-separated")


def checked_variant_arguments(parser, variants):
    """The parsed options, the variants as a list with "full" first; a node is required."""
    args = parser.parse_args()
    args.variants = [name for name in args.variants.split(",") if name]
    unknown = set(args.variants) - set(variants)
    if unknown:
        parser.error(f"unknown variant(s): {', '.join(sorted(unknown))}")
    if "full" not in args.variants:
        args.variants.insert(0, "full")
    if not args.url:
        parser.error("give --url (or SEARCH_URL) of a running node")
    return args
