"""Load benchmark: concurrent readers against the production server with OpenSearch.

    python bench/load_bench.py [--clients 50] [--seconds 60] [--port 8300]

Sets up the demo site on its own SQLite file (bench/results/load.sqlite3, or
DATABASE_URL) with production settings, indexes it in OpenSearch (SEARCH_URL
or --url, else a node of its own on ENGINE_PORT, default 9260, started and
stopped for the run), starts gunicorn with gunicorn.conf.py, and lets N client
threads send a mix of search API, suggestion, search page and content page
requests for the given time (each content page visited first in every worker,
as between publishes, unless nothing is kept). Reports requests/s, p50/p95/p99 latency and errors
(5xx, connection failures, and API answers that fell back to the database),
prints a markdown table and writes bench/results/load.{md,json} (load-no-cache.*
with --no-cache, which renders every page and runs every search; load-KIND.* with
--only KIND, which sends requests of that kind alone).
Target on 2 cores: 0 errors and p95 ≤ 200 ms.
"""

import argparse
import datetime
import gzip
import http.client
import json
import os
import platform
import random
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import opensearch_bench as osb
from bench.measure import percentile

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
CACHE_DIR = RESULTS / "load-cache"
P95_TARGET_MS = 200
LANGUAGES = ("en", "fr", "de", "nb", "sv", "fi", "da", "is", "kl", "se", "iu")
WORDS = (
    "sea ice", "ice", "safety", "permafrost", "data", "fieldwork", "community", "station",
    "glacier", "monitoring", "training", "ship", "metadata", "polar bear", "drone",
    "snow", "remote sensing", "logistics", "ocean", "tundra", "seaice", "permafrots",
)  # fmt: skip
# Share of each kind of request in the mix.
MIX = {"api_search": 40, "api_suggest": 15, "search_page": 20, "content_page": 25}
# --by-kind: what is measured -> (the kind of request, whether pages and answers are kept).
# Searches run with nothing kept as well: most searches readers make are new ones.
KINDS = {
    "kept page": ("content_page", True),
    "content page afresh": ("content_page", False),
    "search API": ("api_search", False),
    "search API, answers kept": ("api_search", True),
    "search page": ("search_page", False),
    "title suggestions": ("api_suggest", False),
}
# CPU of the web server, the engine and the cache server together per request, at most (ms).
CPU_TARGETS_MS = {"kept page": 1.5, "search API": 4}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent client threads")
    parser.add_argument("--seconds", type=float, default=60, help="measured duration")
    parser.add_argument("--warmup", type=float, default=5, help="unmeasured seconds first")
    parser.add_argument("--port", type=int, default=8300, help="gunicorn port on 127.0.0.1")
    parser.add_argument("--url", help="OpenSearch URL (default: SEARCH_URL, else our own node)")
    parser.add_argument("--skip-setup", action="store_true", help="reuse the loaded database")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument(
        "--only",
        choices=sorted(MIX),
        help="send requests of this kind alone (content_page: mostly kept pages)",
    )
    parser.add_argument(
        "--by-kind",
        action="store_true",
        help="CPU and latency of each kind of request alone (see KINDS), one after another "
        "on the same site: writes load-by-kind.{md,json}",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="render every page and run every search (PAGE_CACHE_SECONDS and "
        "SEARCH_ANSWER_CACHE_SECONDS 0), to compare with the kept pages and answers",
    )
    return parser.parse_args()


def server_environment(args, search_url, no_cache=False):
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{RESULTS / 'load.sqlite3'}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "polarkb.settings.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database,
        "STATIC_ROOT": str(RESULTS / "static"),
        "SEARCH_ENGINE": "opensearch",
        "SEARCH_URL": search_url,
        "SEARCH_INDEX_PREFIX": "polarkb-load",
        "BIND": f"127.0.0.1:{args.port}",
        "WEB_ACCESS_LOG": "",
        "CACHE_DIR": str(CACHE_DIR),
        **({"PAGE_CACHE_SECONDS": "0", "SEARCH_ANSWER_CACHE_SECONDS": "0"} if no_cache else {}),
    }


def manage(environment, *command):
    subprocess.run([sys.executable, "manage.py", *command], cwd=REPO, env=environment, check=True)


def set_up_site(environment):
    """The demo content (written with the database engine, so loading does not wait on
    indexing), then one OpenSearch rebuild."""
    print("Setting up the demo site…", flush=True)
    manage(environment, "migrate", "--no-input", "-v0")
    manage({**environment, "SEARCH_ENGINE": "database"}, "load_demo_content")
    manage(environment, "rebuild_search_index")
    manage(environment, "collectstatic", "--no-input", "-v0")


def start_server(environment, base_url, log_name="load-server.log"):
    shutil.rmtree(environment["CACHE_DIR"], ignore_errors=True)  # every run starts afresh
    log = open(RESULTS / log_name, "w")
    process = subprocess.Popen(
        [str(Path(sys.executable).with_name("gunicorn"))],
        cwd=REPO,
        env=environment,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped; see {log.name}")
        try:
            requests.get(f"{base_url}/healthz", timeout=2)
            return process, log
        except requests.ConnectionError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not answer within 60 s")


def stop_server(process, log):
    process.terminate()
    process.wait(timeout=60)
    log.close()
    return Path(log.name).read_text(errors="replace")


class Workload:
    """Random requests of each kind, from the site's own pages and facet values."""

    def __init__(self, base_url, mix):
        self.address, self.mix = urlsplit(base_url), mix
        sitemap = requests.get(f"{base_url}/sitemap.xml", timeout=30).text
        self.pages = [
            url.split("://", 1)[1].split("/", 1)[1] for url in re.findall(r"<loc>([^<]+)", sitemap)
        ]
        facets = requests.get(f"{base_url}/api/search/", timeout=30).json()["facets"]
        self.facet_values = {name: [v["value"] for v in values] for name, values in facets.items()}
        if not self.pages:
            raise SystemExit("the sitemap lists no pages: is the demo content loaded?")

    def visit_every_page(self, workers):
        """Every content page in every worker of the server, so that each is kept before
        the clients start (workers that do not share Redis keep pages in their own
        memory). A connection is served by the worker that accepts it: every page is
        asked on four connections per worker at once, each in its own order."""
        connections = 4 * workers
        print(
            f"Visiting the {len(self.pages)} pages of the sitemap on {connections} connections…",
            flush=True,
        )
        visitors = [
            threading.Thread(target=self.visit_pages, args=(random.Random(number),))
            for number in range(connections)
        ]
        for visitor in visitors:
            visitor.start()
        for visitor in visitors:
            visitor.join()

    def visit_pages(self, rng):
        connection = self.connect()
        for page in rng.sample(self.pages, len(self.pages)):
            fetch(connection, f"/{page}")
        connection.close()

    def connect(self):
        return http.client.HTTPConnection(self.address.hostname, self.address.port, timeout=30)

    def next_request(self, rng):
        kind = rng.choices(list(self.mix), weights=list(self.mix.values()))[0]
        language = rng.choice(LANGUAGES)
        if kind == "content_page":
            return kind, f"/{rng.choice(self.pages)}"
        if kind == "api_suggest":
            word = rng.choice(WORDS)
            return kind, "/api/search/suggest/?" + urlencode(
                {"q": word[: rng.randint(2, len(word))], "lang": language}
            )
        params = {"q": rng.choice(WORDS)} if rng.random() < 0.8 else {}
        for name in rng.sample(sorted(self.facet_values), k=rng.randint(0, 2)):
            if self.facet_values[name]:
                params[name] = rng.choice(self.facet_values[name])
        if rng.random() < 0.2:
            params["sort"] = rng.choice(("newest", "reviewed"))
        if kind == "api_search":
            return kind, "/api/search/?" + urlencode({**params, "lang": language})
        return kind, f"/{language}/search/?" + urlencode(params)


def cpu_seconds_by_part(server_pid, engine_port):
    """CPU time (user + system) so far of each part sharing the machine: the web
    server's workers, the search engine node, the database server and these clients."""
    ticks = os.sysconf("SC_CLK_TCK")
    workers = set(Path(f"/proc/{server_pid}/task/{server_pid}/children").read_text().split())
    totals = dict.fromkeys(CPU_PARTS, 0.0)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        part = cpu_part(pid, command, server_pid, workers, engine_port)
        if part:
            # Its own time and that of its children that ended (workers gunicorn
            # recycled, PostgreSQL's backends of closed connections).
            totals[part] += sum(int(value) for value in fields[11:15]) / ticks
    return totals


CPU_PARTS = ("web server", "search engine", "cache server", "database", "load clients")
# The parts that answer a reader (the CPU targets count these together).
SERVING_PARTS = ("web server", "search engine", "cache server")


def cpu_part(pid, command, server_pid, workers, engine_port):
    if pid in workers or int(pid) == server_pid:
        return "web server"
    if command.startswith("java") and (
        f"http.port={engine_port} " in command or ".bootstrap.OpenSearch" in command
    ):
        return "search engine"
    if command.startswith("postgres:") or Path(command.split(" ", 1)[0]).name == "postgres":
        return "database"
    if command.startswith("redis-server"):
        return "cache server"
    if int(pid) == os.getpid():
        return "load clients"
    return None


class CpuMeter:
    """The CPU each part spends during the measured seconds (warm-up excluded)."""

    def __init__(self, server_pid, engine_port, start_at, stop_at):
        self.server_pid, self.engine_port, self.spent = server_pid, engine_port, {}
        self.thread = threading.Thread(target=self._measure, args=(start_at, stop_at))
        self.thread.start()

    def _measure(self, start_at, stop_at):
        time.sleep(max(0.0, start_at - time.perf_counter()))
        before = cpu_seconds_by_part(self.server_pid, self.engine_port)
        time.sleep(max(0.0, stop_at - time.perf_counter()))
        after = cpu_seconds_by_part(self.server_pid, self.engine_port)
        self.spent = {part: after[part] - before[part] for part in CPU_PARTS}

    def per_request_ms(self, requests):
        self.thread.join()
        return {
            part: round(seconds * 1000 / max(requests, 1), 1)
            for part, seconds in self.spent.items()
        }


def client(workload, seed, stop_at, record_from, records, lock):
    rng = random.Random(seed)
    connection = workload.connect()
    mine = []
    while (now := time.perf_counter()) < stop_at:
        kind, path = workload.next_request(rng)
        started = time.perf_counter()
        try:
            response, body = fetch(connection, path)
            status, error = response.status, answer_error(kind, response, body)
        except (OSError, http.client.HTTPException) as failure:
            status, error = None, type(failure).__name__
            connection.close()
            connection = workload.connect()
        if now >= record_from:
            mine.append(
                {
                    "kind": kind,
                    "ms": (time.perf_counter() - started) * 1000,
                    "status": status,
                    "error": error,
                    "path": path,
                }
            )
    with lock:
        records.extend(mine)


def fetch(connection, path):
    """The response to a GET on a kept-alive connection, asked for as a browser does
    (gzip), and its body. http.client rather than requests: the clients share the
    server's cores, and this takes a fraction of the CPU."""
    connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
    response = connection.getresponse()
    return response, response.read()


def answer_error(kind, response, body):
    if response.status >= 500:
        return f"HTTP {response.status}"
    if kind == "api_search" and response.status == 200:
        if response.getheader("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        if json.loads(body)["fallback"]:
            return "fallback"
    return None


def run_load(workload, args, server_pid, engine_port):
    """The measured requests, and the CPU each part spent per measured request."""
    print(
        f"{args.clients} clients for {args.warmup:.0f} s warm-up + {args.seconds:.0f} s…",
        flush=True,
    )
    records, lock = [], threading.Lock()
    record_from = time.perf_counter() + args.warmup
    stop_at = record_from + args.seconds
    meter = CpuMeter(server_pid, engine_port, record_from, stop_at)
    threads = [
        threading.Thread(
            target=client, args=(workload, args.seed + n, stop_at, record_from, records, lock)
        )
        for n in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return records, meter.per_request_ms(len(records))


def summarise(records, seconds, mix):
    rows = {}
    for kind in [*mix, "all"]:
        chosen = [r for r in records if kind in ("all", r["kind"])]
        times = [r["ms"] for r in chosen]
        rows[kind] = {
            "requests": len(chosen),
            "requests_per_s": round(len(chosen) / seconds, 1),
            "p50_ms": round(percentile(times, 0.50) or 0, 1),
            "p95_ms": round(percentile(times, 0.95) or 0, 1),
            "p99_ms": round(percentile(times, 0.99) or 0, 1),
            "max_ms": round(max(times, default=0), 1),
            "errors": sum(1 for r in chosen if r["error"]),
            "client_errors_4xx": sum(1 for r in chosen if r["status"] and 400 <= r["status"] < 500),
        }
    return rows


def markdown(result):
    lines = [
        f"Load benchmark, {result['date']}: {result['clients']} clients, "
        f"{result['seconds']:.0f} s, gunicorn {result['server']['workers']} workers × "
        f"{result['server']['threads']} threads, OpenSearch, {result['database']}, "
        f"{'nothing kept' if result['no_cache'] else 'pages and answers kept'} "
        f"in {result['kept_in']}, "
        f"{result['machine']['cpus']} CPUs "
        "(shared machine: the clients, the server and the node run on the same cores).",
        "",
        "| requests | count | req/s | p50 ms | p95 ms | p99 ms | max ms | errors | 4xx |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for kind, row in result["rows"].items():
        lines.append(
            f"| {kind} | {row['requests']} | {row['requests_per_s']} | {row['p50_ms']} | "
            f"{row['p95_ms']} | {row['p99_ms']} | {row['max_ms']} | {row['errors']} | "
            f"{row['client_errors_4xx']} |"
        )
    overall = result["rows"]["all"]
    met = overall["errors"] == 0 and overall["p95_ms"] <= P95_TARGET_MS
    lines += [
        "",
        "CPU per request: "
        + ", ".join(f"{part} {ms} ms" for part, ms in result["cpu_ms_per_request"].items())
        + f" (together {round(sum(result['cpu_ms_per_request'].values()), 1)} ms).",
        "",
        f"Target: 0 errors and p95 ≤ {P95_TARGET_MS} ms — {'met' if met else 'NOT met'}. "
        f"Server log: {result['pool_full_warnings']} 'Connection pool is full' warnings.",
    ]
    if result["error_samples"]:
        lines += ["", "Errors (samples):", *[f"- {e}" for e in result["error_samples"]]]
    return "\n".join(lines) + "\n"


def main():
    args = parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    search_url = args.url or os.environ.get("SEARCH_URL", "").split(",")[0]
    started_node = None
    if not search_url:
        port = os.environ.get("ENGINE_PORT", osb.DEFAULT_PORT)
        search_url, started_here = osb.ensure_node(port)
        started_node = port if started_here else None
    try:
        if not args.skip_setup:
            set_up_site(server_environment(args, search_url))
        if args.by_kind:
            by_kind(args, search_url)
        else:
            mix = {args.only: 1} if args.only else MIX
            name = "load" + ("-no-cache" if args.no_cache else "")
            write(name + (f"-{args.only}" if args.only else ""), measured(args, search_url, mix))
    finally:
        if started_node:
            osb.stop_node(started_node)


def measured(args, search_url, mix, no_cache=None):
    """One server, the clients for the given time, and what they measured."""
    no_cache = args.no_cache if no_cache is None else no_cache
    environment = server_environment(args, search_url, no_cache)
    base_url = f"http://127.0.0.1:{args.port}"
    process, log = start_server(environment, base_url)
    try:
        workload = Workload(base_url, mix)
        if "content_page" in mix and not no_cache:
            # Between publishes every page a reader asks for has been kept; right after
            # one, pages render afresh (the "content page afresh" kind of --by-kind).
            workload.visit_every_page(server_workers(environment))
        engine_port = urlsplit(search_url).port or 9200
        records, cpu = run_load(workload, args, process.pid, engine_port)
    finally:
        server_log = stop_server(process, log)
    gunicorn_conf = {"workers": server_workers(environment)}
    gunicorn_conf["threads"] = environment.get("WEB_THREADS", "8")
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "clients": args.clients,
        "seconds": args.seconds,
        "mix": mix,
        "server": gunicorn_conf,
        "database": environment["DATABASE_URL"].split(":", 1)[0],
        "kept_in": kept_in(environment),
        "no_cache": no_cache,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "rows": summarise(records, args.seconds, mix),
        # Unlike latency, CPU per request hardly depends on what else the machine runs.
        "cpu_ms_per_request": cpu,
        "pool_full_warnings": server_log.count("Connection pool is full"),
        "error_samples": sorted({f"{r['error']}: {r['path']}" for r in records if r["error"]})[:10],
    }


def server_workers(environment):
    return int(environment.get("WEB_CONCURRENCY", os.cpu_count()))


def kept_in(environment):
    """Where the server keeps pages and answers (settings.base.cache_settings)."""
    if environment.get("CACHE_URL"):
        return "Redis shared by the workers"
    return "each worker's memory"


def by_kind(args, search_url):
    results = {}
    for label, (kind, kept) in KINDS.items():
        print(f"\n{label}:", flush=True)
        results[label] = measured(args, search_url, {kind: 1}, no_cache=not kept)
    table = by_kind_markdown(results)
    print("\n" + table)
    (RESULTS / "load-by-kind.md").write_text(table)
    (RESULTS / "load-by-kind.json").write_text(json.dumps(results, indent=2))
    print(f"Wrote {RESULTS / 'load-by-kind'}.md and .json")


def by_kind_markdown(results):
    first = next(iter(results.values()))
    lines = [
        f"Load benchmark by kind, {first['date']}: each kind alone, {first['clients']} clients, "
        f"{first['seconds']:.0f} s each, gunicorn {first['server']['workers']} workers × "
        f"{first['server']['threads']} threads, OpenSearch, {first['database']}, "
        f"kept in {first['kept_in']}, {first['machine']['cpus']} CPUs.",
        "",
        "| kind | req/s | p50 ms | p95 ms | errors | CPU ms per request: web server | "
        "search engine | cache server | together |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for label, result in results.items():
        row, cpu = result["rows"]["all"], result["cpu_ms_per_request"]
        lines.append(
            f"| {label} | {row['requests_per_s']} | {row['p50_ms']} | {row['p95_ms']} | "
            f"{row['errors']} | {cpu['web server']} | {cpu['search engine']} | "
            f"{cpu['cache server']} | {serving_cpu_ms(cpu):.1f} |"
        )
    lines.append("")
    for label, target in CPU_TARGETS_MS.items():
        together = serving_cpu_ms(results[label]["cpu_ms_per_request"])
        lines.append(
            f"- Target {label}: web server, engine and cache server ≤ {target} ms CPU per "
            f"request: {together:.1f} ms, **{'met' if together <= target else 'NOT met'}**."
        )
    return "\n".join(lines) + "\n"


def serving_cpu_ms(cpu):
    return sum(cpu[part] for part in SERVING_PARTS)


def write(name, result):
    table = markdown(result)
    print()
    print(table)
    (RESULTS / f"{name}.md").write_text(table)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=2))
    print(f"Wrote {RESULTS / name}.md and {name}.json")


if __name__ == "__main__":
    main()
