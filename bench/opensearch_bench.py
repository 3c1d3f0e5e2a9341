"""OpenSearch: the node, bulk indexing through the adapter and raw, and the query paths."""

import json
import os
import subprocess
import time

from bench.fixtures import REPO

DEFAULT_PORT = "9260"
INDEX_PREFIX = "polarkb-bench"
RAW_INDEX = f"{INDEX_PREFIX}-raw"
RAW_CHUNK = 500


# The node ---------------------------------------------------------------------------------


def engine_script(command, port):
    return subprocess.run(
        [str(REPO / "scripts" / "engine.sh"), command],
        env={**os.environ, "ENGINE_PORT": port},
        capture_output=True,
        text=True,
        check=False,
    )


def ensure_node(port):
    """Start a node on the port unless one of ours runs there; returns (url, started_here)."""
    was_running = engine_script("status", port).returncode == 0
    if not was_running:
        print(f"Starting OpenSearch on port {port} (scripts/engine.sh)…", flush=True)
        result = engine_script("start", port)
        if result.returncode != 0:
            raise SystemExit(f"Could not start OpenSearch:\n{result.stdout}{result.stderr}")
    return f"http://127.0.0.1:{port}", not was_running


def stop_node(port):
    print(engine_script("stop", port).stdout.strip())


# Indexing ---------------------------------------------------------------------------------


def make_engine(url, timeout):
    from search.engines.opensearch import OpenSearchEngine

    return OpenSearchEngine([url], INDEX_PREFIX, timeout)


def node_info(engine):
    info = engine.client.info()
    jvm = engine.client.nodes.stats(metric="jvm")["nodes"]
    heap = next(iter(jvm.values()))["jvm"]["mem"]["heap_max_in_bytes"]
    return {"opensearch": info["version"]["number"], "opensearch_heap_mb": heap // 2**20}


def index_through_adapter(engine, documents, progress=None):
    """search.engines.elastic rebuild(): new index, bulk in chunks, refresh, alias swap."""
    started = time.perf_counter()
    _index, count = engine.rebuild(iter(documents), progress=progress)
    return count, time.perf_counter() - started


def index_raw(engine, documents):
    """The same documents into a scratch index with the same mapping, as pre-serialised
    NDJSON bulk bodies: what the node itself sustains, without the Python side.
    Returns (documents, seconds sending, seconds serialising)."""
    from search import mapping

    client = engine.client
    drop_scratch_index(engine)
    client.indices.create(index=RAW_INDEX, body=mapping.index_settings())
    started = time.perf_counter()
    bodies = [
        ndjson(documents[start : start + RAW_CHUNK])
        for start in range(0, len(documents), RAW_CHUNK)
    ]
    serialising = time.perf_counter() - started
    started = time.perf_counter()
    for body in bodies:
        response = client.bulk(body=body, index=RAW_INDEX, request_timeout=120)
        if response["errors"]:
            raise RuntimeError("raw bulk indexing reported errors")
    client.indices.refresh(index=RAW_INDEX, request_timeout=120)
    sending = time.perf_counter() - started
    client.indices.delete(index=RAW_INDEX)
    return len(documents), sending, serialising


def drop_scratch_index(engine):
    if engine.client.indices.exists(index=RAW_INDEX):
        engine.client.indices.delete(index=RAW_INDEX)


def ndjson(documents):
    lines = []
    for document in documents:
        lines.append(json.dumps({"index": {"_id": document["id"]}}))
        lines.append(json.dumps(document))
    return "\n".join(lines) + "\n"


# Queries ----------------------------------------------------------------------------------


# Every search measured runs: an answer kept from an earlier search of the same question
# (by another engine or variant) would time a cache read.
NOTHING_KEPT = {"SEARCH_ANSWER_CACHE_SECONDS": 0}


def search_settings(url, timeout):
    """Settings that point the search service at the bench index."""
    return {
        "SEARCH_ENGINE": "opensearch",
        "SEARCH_URLS": [url],
        "SEARCH_INDEX_PREFIX": INDEX_PREFIX,
        "SEARCH_TIMEOUT": timeout,
        **NOTHING_KEPT,
    }
