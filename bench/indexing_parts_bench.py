"""What bounds bulk indexing: the same documents into indexes that each leave out one
part of the mapping.

    python bench/indexing_parts_bench.py --docs 100000 --url http://127.0.0.1:9200

Generates the bench corpus (bench/corpus.py) and serialises it once into bulk bodies,
so Python does no work while the node indexes. Each variant then gets a new index with
the project's settings (search/mapping.py) changed in one way, and the bodies are sent
as the adapter sends them (search.engines.elastic: BULK_STREAMS requests at a time),
then the index is refreshed and dropped. The variants run in turn, twice, and each
row gives the faster run. Prints, per variant: documents/s, the ratio to the full
mapping, and the node's CPU use (1.0 per core busy the whole time). Writes
bench/results/indexing-parts-<N>.json.
"""

import argparse
import copy
import datetime
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import fixtures, measure
from bench import opensearch_bench as osb
from bench.corpus import make_corpus

RESULTS = Path(__file__).resolve().parent / "results"
INDEX = "polarkb-indexing-parts"
ROUNDS = 2


# Variants: each edits a copy of the index body (settings and mappings) ---------------------


def full(body):
    return body


def no_decompounding(body):
    """nb, da, sv and de compounds not split into their parts."""
    for analyzer in body["settings"]["analysis"]["analyzer"].values():
        analyzer["filter"] = [name for name in analyzer["filter"] if not name.endswith("_parts")]
    return body


def no_stemming(body):
    """Every language's text only lowercased and folded: no stop words or stems either."""
    for field in text_fields(body).values():
        field["analyzer"] = "folded"
        field.pop("search_analyzer", None)
    return body


def no_copies(body):
    """The text not copied into ``words`` and ``words_<language>`` (typo tolerance and
    did-you-mean read those)."""
    for field in text_fields(body).values():
        field.pop("copy_to", None)
    return body


def no_offsets(body):
    """The words' offsets not kept for the highlighter (bodies with frequencies only)."""
    for name, field in text_fields(body).items():
        if name.startswith("body_"):
            field["index_options"] = "freqs"
        else:
            field.pop("index_options", None)
    return body


def no_lemmas(body):
    """Finnish and Icelandic lemmas not indexed."""
    for name, field in body["mappings"]["properties"].items():
        if name.startswith("lemmas_"):
            field.update(index=False)
            field.pop("index_options", None)
    return body


def text_fields(body):
    from search.documents import TEXT_FIELDS

    properties = body["mappings"]["properties"]
    return {
        name: field
        for name, field in properties.items()
        if name.split("_")[0] in TEXT_FIELDS and field.get("index", True)
    }


VARIANTS = {
    "full": full,
    "no-decompounding": no_decompounding,
    "no-stemming": no_stemming,
    "no-copies": no_copies,
    "no-offsets": no_offsets,
    "no-lemmas": no_lemmas,
}


# Measuring ---------------------------------------------------------------------------------


def node_cpu_ms(client):
    stats = client.nodes.stats(metric="process")["nodes"]
    return sum(node["process"]["cpu"]["total_in_millis"] for node in stats.values())


def index_once(client, body, bulk_bodies):
    """Seconds to load the bodies into a new index with ``body``, and the node's CPU use."""
    from search.engines.elastic import BULK_STREAMS

    if client.indices.exists(index=INDEX):
        client.indices.delete(index=INDEX)
    client.indices.create(index=INDEX, body=body)
    time.sleep(1)  # the node's CPU figures are refreshed about once a second
    cpu_before, started = node_cpu_ms(client), time.perf_counter()

    def send(bulk_body):
        response = client.bulk(body=bulk_body, index=INDEX, request_timeout=300)
        if response["errors"]:
            raise RuntimeError("bulk indexing reported errors")

    with ThreadPoolExecutor(max_workers=BULK_STREAMS) as pool:
        list(pool.map(send, bulk_bodies))
    client.indices.refresh(index=INDEX, request_timeout=300)
    seconds = time.perf_counter() - started
    time.sleep(1)
    cpu_used = (node_cpu_ms(client) - cpu_before) / 1000 / seconds
    client.indices.delete(index=INDEX)
    return seconds, cpu_used


def run(client, names, bulk_bodies, count):
    from search import mapping

    results = {}
    for round_number in range(ROUNDS):
        for name in names:
            body = VARIANTS[name](copy.deepcopy(mapping.index_settings()))
            seconds, cpu = index_once(client, body, bulk_bodies)
            print(f"  round {round_number + 1}, {name}: {count / seconds:,.0f} docs/s", flush=True)
            best = results.get(name)
            if best is None or seconds < best["seconds"]:
                results[name] = {
                    "seconds": round(seconds, 1),
                    "docs_per_s": round(count / seconds),
                    "node_cpu_cores": round(cpu, 2),
                }
    return results


def table(results):
    baseline = results["full"]["docs_per_s"]
    lines = [
        "| variant | docs/s | ratio to full | node CPU (cores) |",
        "|---|---:|---:|---:|",
    ]
    for name, row in results.items():
        lines.append(
            f"| {name} | {row['docs_per_s']:,} | {row['docs_per_s'] / baseline:.2f} | "
            f"{row['node_cpu_cores']} |"
        )
    return "\n".join(lines)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    measure.add_variant_arguments(parser, VARIANTS)
    return measure.checked_variant_arguments(parser, VARIANTS)


def main():
    args = parse_args()
    fixtures.setup_django()
    from search.engines.elastic import BULK_CHUNK
    from search.engines.opensearch import OpenSearchEngine

    print(f"Generating {args.docs:,} documents (seed {args.seed})…", flush=True)
    _maker, corpus = make_corpus(args.docs, args.seed, measure.Progress("documents", args.docs))
    documents = corpus.documents
    bulk_bodies = [
        osb.ndjson(documents[start : start + BULK_CHUNK])
        for start in range(0, len(documents), BULK_CHUNK)
    ]
    client = OpenSearchEngine([args.url], INDEX, 300).client
    results = run(client, args.variants, bulk_bodies, len(documents))
    print("\n" + table(results))
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"indexing-parts-{args.docs}.json"
    path.write_text(
        json.dumps(
            {
                "generated": datetime.datetime.now().isoformat(timespec="seconds"),
                "docs": args.docs,
                "cores": os.cpu_count(),
                "load_average": os.getloadavg()[0],
                "variants": results,
            },
            indent=2,
        )
        + "\n"
    )
    print(f"Written: {path.relative_to(fixtures.REPO)}")


if __name__ == "__main__":
    main()
