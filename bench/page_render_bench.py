"""What a reader's page costs when it is rendered from scratch: after a publish,
every kept page is obsolete and each one is rendered again.

    DATABASE_URL=sqlite:///var/prof.sqlite3 \\
        python bench/page_render_bench.py [--rounds 3] [--label after]

Runs in process with Django's test client and the production settings (nothing
kept between requests but what the site itself keeps per content generation),
on a database holding the demo content (`manage.py migrate`, `load_demo_content`,
`collectstatic`). Each round marks content as changed, as a publish does, then
fetches every address in /sitemap.xml once. Prints the time and SQL queries per
page by kind of page, and writes bench/results/page-render[-<label>].json.
"""

import argparse
import json
import os
import statistics
import sys
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PRODUCTION_LIKE = {
    "DJANGO_SETTINGS_MODULE": "polarkb.settings.production",
    "SECRET_KEY": "page-render-bench-" + "x" * 40,
    "ALLOWED_HOSTS": "testserver",
    "SECURE_SSL_REDIRECT": "0",
    "SEARCH_ENGINE": "database",
    "PAGE_CACHE_SECONDS": "0",
    "SEARCH_ANSWER_CACHE_SECONDS": "0",
}


def setup_django():
    for name, value in PRODUCTION_LIKE.items():
        os.environ.setdefault(name, value)
    os.environ.setdefault("CACHE_DIR", str(ROOT / "var" / "bench-cache"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def sitemap_paths(client):
    response = client.get("/sitemap.xml")
    if response.status_code != 200:
        sys.exit(f"/sitemap.xml answered {response.status_code}")
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ElementTree.fromstring(response.content)
    return [urlsplit(loc.text).path for loc in root.findall(".//s:loc", namespace)]


def kind_of(path):
    """The type of the page serving an address, e.g. 'GuidePage' or 'TopicIndexPage item'."""
    from django.http import Http404
    from django.test import RequestFactory

    from wagtail.models import Locale, Site

    language, *steps = [step for step in path.split("/") if step]
    request = RequestFactory().get(path)
    root = Site.find_for_request(request).root_page
    try:
        home = root.get_translation(Locale.objects.get(language_code=language)).specific
        page, args, _kwargs = home.route(request, steps)
    except (Http404, Locale.DoesNotExist, root.DoesNotExist):
        return "other"
    view = args[0] if args and callable(args[0]) else None
    route = f" {view.__name__}" if view is not None and view.__name__ != "index" else ""
    return type(page).__name__ + route


def render_all(client, paths):
    from django.db import connection

    from polarkb.caching.generation import replace as drop_kept_copies

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    drop_kept_copies()  # as a publish does: everything kept so far is obsolete
    rows = []
    with connection.execute_wrapper(count):
        for path in paths:
            queries.clear()
            start = time.perf_counter()
            response = client.get(path)
            elapsed = (time.perf_counter() - start) * 1000
            if response.status_code != 200:
                sys.exit(f"{path} answered {response.status_code}")
            rows.append({"path": path, "ms": elapsed, "queries": len(queries)})
    return rows


def summary(rows):
    times = sorted(row["ms"] for row in rows)
    return {
        "pages": len(rows),
        "mean_ms": round(statistics.fmean(times), 1),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[max(0, int(len(times) * 0.95) - 1)], 1),
        "queries_per_page": round(statistics.fmean(row["queries"] for row in rows), 1),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--label", default="")
    args = parser.parse_args()
    setup_django()
    from django.test import Client

    client = Client()
    paths = sitemap_paths(client)
    render_all(client, paths)  # warm-up: imports, templates, compiled catalogues
    rows = [row for _round in range(args.rounds) for row in render_all(client, paths)]

    kinds = {path: kind_of(path) for path in paths}
    by_kind = {}
    for row in rows:
        by_kind.setdefault(kinds[row["path"]], []).append(row)
    table = {"all": summary(rows)}
    table.update((kind, summary(group)) for kind, group in sorted(by_kind.items()))

    print(f"{'pages':<30}{'n':>6}{'mean ms':>10}{'p50 ms':>10}{'p95 ms':>10}{'queries':>10}")
    for kind, row in table.items():
        print(
            f"{kind:<30}{row['pages']:>6}{row['mean_ms']:>10}{row['p50_ms']:>10}"
            f"{row['p95_ms']:>10}{row['queries_per_page']:>10}"
        )
    RESULTS.mkdir(exist_ok=True)
    name = f"page-render-{args.label}.json" if args.label else "page-render.json"
    (RESULTS / name).write_text(json.dumps({"rounds": args.rounds, "table": table}, indent=2))
    print(f"wrote {RESULTS / name}")


if __name__ == "__main__":
    main()
