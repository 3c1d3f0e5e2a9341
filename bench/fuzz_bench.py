"""Fuzz benchmark: hostile requests over every kind of address against the production
server; none may get an answer of 500 or more.

    python bench/fuzz_bench.py [--requests 10000] [--clients 4] [--port 8310]

Sets up the demo site on its own SQLite file (bench/results/fuzz.sqlite3, or
DATABASE_URL) with production settings and the database search engine (--url
for OpenSearch), starts gunicorn with gunicorn.conf.py (as bench/load_bench.py
does) and sends random requests: pages from the sitemap in every language, the
search page, the API and suggestions, contact, feedback, the glossary, the admin's
login, healthz, the sitemap and unknown addresses, with hostile query parameters
(control characters, huge numbers, Unicode digits, invalid UTF-8), hostile
forms (charsets, broken multipart bodies, oversized fields) and hostile language
hints. Counts the answers by status class and address kind, prints a table and
writes bench/results/fuzz.{md,json}; exits with 1 if any answer was 500 or more.
"""

import argparse
import collections
import datetime
import http.client
import json
import os
import random
import re
import sys
import threading
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote, quote_from_bytes, urlsplit

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load_bench import (
    LANGUAGES,
    RESULTS,
    WORDS,
    server_environment,
    set_up_site,
    start_server,
    stop_server,
)

PARAMETERS = (
    "q", "page", "member", "topic", "region", "type", "language", "year", "sort", "lang",
    "feedback", "next", "format",
)  # fmt: skip
HOSTILE_VALUES = (
    "", " ", "0", "-1", "1e3", "9" * 19, "9" * 40, "-" + "9" * 25, "9_999_999_999_999_999_999",
    "²", "٣", "１", "١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦٧٨٩٠", "\x00", "a\x00b", "\x1b[31m", "\x7f", "\x85",
    "\t\n\r", "\u202e", "\ufeff", "'", '"', "\\", "*", "%", "%00", "<script>alert(1)</script>",
    "AND OR NOT ( ) [ ] { } ~ ^ :", "x" * 2000, "ᐃᓄᒃᑎᑐᑦ", "sea-ice", "newest", "guide",
)  # fmt: skip
CHARSETS = (
    None, "utf-8", "UTF-8", "latin-1", "utf-16", "utf-16-le", "utf-32", "utf-7", "base64",
    "rot13", "no-such-charset", "", '"utf-8"', "utf\x00",
)  # fmt: skip
ACCEPT_LANGUAGES = ("kl", "se,iu;q=0.5", "*;q=x", "x" * 600, "en;q=1e9", "fr-CA", "\xff\xfe")
# Address kinds, with their share of the requests.
KINDS = {
    "page": 20,
    "search_page": 12,
    "api_search": 12,
    "api_suggest": 8,
    "contact": 10,
    "feedback": 10,
    "admin_login": 6,
    "glossary": 4,
    "healthz": 3,
    "sitemap": 3,
    "unknown": 6,
    "hostile_path": 6,
}


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=10_000, help="requests to send")
    parser.add_argument("--clients", type=int, default=4, help="concurrent client threads")
    parser.add_argument("--port", type=int, default=8310, help="gunicorn port on 127.0.0.1")
    parser.add_argument("--url", help="OpenSearch URL (default: the database search engine)")
    parser.add_argument("--skip-setup", action="store_true", help="reuse the loaded database")
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def fuzz_environment(args):
    load_args = SimpleNamespace(port=args.port, no_cache=False)
    environment = server_environment(load_args, args.url or "")
    database = os.environ.get("DATABASE_URL") or f"sqlite:///{RESULTS / 'fuzz.sqlite3'}"
    environment.update(
        DATABASE_URL=database,
        SEARCH_ENGINE="opensearch" if args.url else "database",
        SEARCH_INDEX_PREFIX="polarkb-fuzz",
        CACHE_DIR=str(RESULTS / "fuzz-cache"),
        STATIC_ROOT=str(RESULTS / "static"),
    )
    return environment


class Fuzzer:
    """Random hostile requests over every kind of address."""

    def __init__(self, base_url):
        self.address = urlsplit(base_url)
        sitemap = requests.get(f"{base_url}/sitemap.xml", timeout=30).text
        self.pages = [
            "/" + url.split("://", 1)[1].split("/", 1)[1]
            for url in re.findall(r"<loc>([^<]+)", sitemap)
        ]
        if not self.pages:
            raise SystemExit("the sitemap lists no pages: is the demo content loaded?")
        self.page_ids = [str(n) for n in range(1, 200)]

    def connect(self):
        return http.client.HTTPConnection(self.address.hostname, self.address.port, timeout=30)

    def value(self, rng):
        roll = rng.random()
        if roll < 0.5:
            return rng.choice(HOSTILE_VALUES)
        if roll < 0.7:
            return rng.choice(WORDS)
        if roll < 0.85:
            return "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 12)))
        return rng.randbytes(rng.randint(1, 12))  # invalid UTF-8 as often as not

    def query(self, rng, names=PARAMETERS):
        pairs = []
        for _ in range(rng.randint(0, 5)):
            name = rng.choice(names) if rng.random() < 0.9 else self.value(rng)
            pairs.append((name, self.value(rng)))
        return "&".join(f"{encode(name)}={encode(value)}" for name, value in pairs)

    def path(self, rng, kind, language):
        if kind == "page":
            return rng.choice(self.pages)
        if kind == "api_search":
            return "/api/search/"
        if kind == "api_suggest":
            return "/api/search/suggest/"
        if kind == "admin_login":
            return "/admin/login/"
        if kind == "healthz":
            return "/healthz"
        if kind == "sitemap":
            return "/sitemap.xml"
        if kind == "unknown":
            return rng.choice(("/xx/", "/zz-ZZ/guides/", f"/{language}/no-such-page/", "/api/x/"))
        if kind == "hostile_path":
            segment = encode(self.value(rng))
            return rng.choice((f"/{language}/{segment}/", f"/{language}/guides/{segment}/"))
        return f"/{language}/{kind.replace('_page', '')}/"

    def form(self, rng, kind):
        """A body and its content type: a form in some charset, or a broken one."""
        fields = {
            "contact": ("name", "email", "message", "member", "topic", "consent", "website"),
            "feedback": ("page", "useful", "comment"),
        }.get(kind, ("username", "password", "csrfmiddlewaretoken", "next"))
        pairs = [
            (name, self.value(rng)) for name in rng.sample(fields, rng.randint(1, len(fields)))
        ]
        if kind == "feedback" and rng.random() < 0.5:
            pairs.append(("page", rng.choice(self.page_ids)))
        charset = rng.choice(CHARSETS)
        content_type = "application/x-www-form-urlencoded"
        body = "&".join(f"{encode(name)}={encode(value)}" for name, value in pairs).encode()
        roll = rng.random()
        if roll < 0.15:
            body = body.decode().encode("utf-16")
        elif roll < 0.3:
            content_type = "multipart/form-data; boundary=" + rng.choice(("x", "", "\u00e9"))
            body = rng.choice((b'--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1', body))
        elif roll < 0.35:
            content_type = "application/json"
        if charset is not None:
            content_type += f"; charset={charset}"
        return body, content_type

    def request(self, rng):
        kind = rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
        language = rng.choice(LANGUAGES)
        path = self.path(rng, kind, language)
        names = PARAMETERS if rng.random() < 0.9 else ("member", "page", "feedback")
        if rng.random() < 0.8:
            path += "?" + self.query(rng, names)
        headers = {"Accept-Encoding": "gzip"}
        if rng.random() < 0.3:
            headers["Accept-Language"] = rng.choice(ACCEPT_LANGUAGES)
        if rng.random() < 0.5:
            headers["Cookie"] = f"csrftoken={'x' * 32}; polarkb_language={rng.choice(LANGUAGES)}"
        method, body = "GET", None
        if kind in ("contact", "feedback", "admin_login") or rng.random() < 0.1:
            method = rng.choice(("POST", "POST", "POST", "PUT", "HEAD", "OPTIONS"))
            body, headers["Content-Type"] = self.form(rng, kind)
        return kind, method, path, body, headers


def encode(value):
    if isinstance(value, bytes):
        return quote_from_bytes(value, safe="")
    return quote(value, safe="")


def encode_header(value):
    """Headers travel as Latin-1, as a WSGI server passes them on."""
    return value.encode("utf-8", "surrogatepass").decode("latin-1")


def client(fuzzer, seed, count, records, lock):
    rng = random.Random(seed)
    connection = fuzzer.connect()
    mine = []
    for _ in range(count):
        kind, method, path, body, headers = fuzzer.request(rng)
        headers = {name: encode_header(value) for name, value in headers.items()}
        for _attempt in (1, 2):  # a kept-alive connection the server closed: once more
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                status = response.status
                if response.will_close:
                    connection.close()
                break
            except (OSError, http.client.HTTPException) as failure:
                status = type(failure).__name__
                connection.close()
        mine.append({"kind": kind, "method": method, "path": path, "status": status})
    with lock:
        records.extend(mine)


def run(fuzzer, args):
    records, lock = [], threading.Lock()
    per_client = -(-args.requests // args.clients)
    threads = [
        threading.Thread(target=client, args=(fuzzer, args.seed + n, per_client, records, lock))
        for n in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return records


def status_class(status):
    return f"{status // 100}xx" if isinstance(status, int) else "no answer"


CLASSES = ("2xx", "3xx", "4xx", "5xx", "no answer")


def summarise(records):
    by_kind = collections.defaultdict(collections.Counter)
    for record in records:
        by_kind[record["kind"]][status_class(record["status"])] += 1
        by_kind["all"][status_class(record["status"])] += 1
    kinds = [*sorted(KINDS), "all"]
    return {kind: {c: by_kind[kind][c] for c in CLASSES} for kind in kinds}


def markdown(result):
    lines = [
        f"# Fuzz benchmark ({result['date']})",
        "",
        f"{result['requests']} requests from {result['clients']} clients, "
        f"database {result['database']}, search engine {result['engine']}.",
        "",
        "| kind | " + " | ".join(CLASSES) + " |",
        "|---|" + "---:|" * len(CLASSES),
    ]
    for kind, counts in result["counts"].items():
        lines.append(f"| {kind} | " + " | ".join(str(counts[c]) for c in CLASSES) + " |")
    if result["server_errors"]:
        lines += ["", "Answers of 500 or more (samples):"]
        lines += [f"- {e}" for e in result["server_errors"]]
    return "\n".join(lines) + "\n"


def main():
    args = parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    environment = fuzz_environment(args)
    if not args.skip_setup:
        set_up_site(environment)
    base_url = f"http://127.0.0.1:{args.port}"
    process, log = start_server(environment, base_url, log_name="fuzz-server.log")
    try:
        print(f"{args.requests} hostile requests from {args.clients} clients…", flush=True)
        records = run(Fuzzer(base_url), args)
    finally:
        stop_server(process, log)
    failures = [r for r in records if not isinstance(r["status"], int) or r["status"] >= 500]
    result = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "requests": len(records),
        "clients": args.clients,
        "seed": args.seed,
        "database": environment["DATABASE_URL"].split(":", 1)[0],
        "engine": environment["SEARCH_ENGINE"],
        "counts": summarise(records),
        "server_errors": sorted(
            {f"{r['status']} {r['method']} {r['path'][:200]}" for r in failures}
        )[:20],
    }
    table = markdown(result)
    print()
    print(table)
    (RESULTS / "fuzz.md").write_text(table)
    (RESULTS / "fuzz.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"Wrote {RESULTS / 'fuzz.md'} and fuzz.json")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
