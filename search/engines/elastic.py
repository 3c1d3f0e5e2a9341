"""What OpenSearch and Elasticsearch share: the index, the query body, the results.

The adapters in opensearch.py and elasticsearch.py only say how to make a
client, which bulk helper to use and which exceptions mean "unavailable" (an
outage: no connection, or no answer in time) and which "rejected" (the
engine answered with an error).
"""

import logging
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from itertools import islice

from django.conf import settings
from django.utils.functional import cached_property

from search import facets, mapping
from search.documents import all_doc_ids, shown_version
from search.engines.base import EngineError, EngineUnavailable, Hit, SearchEngine, SearchResult
from search.query import build_count_body, build_search_bodies, build_suggest_body, facet_buckets

logger = logging.getLogger(__name__)

BULK_CHUNK = 500
BULK_STREAMS = 2  # a node indexes two bulk requests at once on two cores
# Kept-open connections per node: at least elasticsearch-py's default (opensearch-py
# would otherwise keep only one).
MIN_CONNECTIONS_PER_NODE = 10
INDEXING_TIMEOUT = 60  # seconds: a rebuild's requests may take longer than searches
PUSH_TIMEOUT = 10  # seconds: the background push of a few changed groups
REPLICA_WAIT = 120  # seconds a rebuild waits for the replicas to hold the new index
HIGHLIGHT_ORDER = ("summary", "body", "headings")
# The parts of a multi-search answer the results are made of: the engine leaves out the
# rest (hit metadata, sort values, shard counts), which the client would parse for nothing.
SEARCH_ANSWER_PARTS = [
    "took",
    "responses.took",
    "responses.status",
    "responses.error",
    "responses.aggregations",
    "responses.hits.hits._source",
    "responses.hits.hits.highlight",
    "responses.suggest",
]


def connections_per_node():
    """Connections each client keeps open to a node: one per web server thread and bulk
    stream (SEARCH_CONNECTIONS_PER_NODE), so busy threads never open and drop extra ones.
    Each server process has its own client, so threads per process is the measure."""
    return max(MIN_CONNECTIONS_PER_NODE, settings.SEARCH_CONNECTIONS_PER_NODE)


def retries_for(urls):
    """A request that cannot reach a node is tried on each other node once (a timeout is
    not tried again: a slow cluster would only get slower)."""
    return len(urls) - 1


def chunks(iterable, size):
    iterator = iter(iterable)
    while chunk := list(islice(iterator, size)):
        yield chunk


class BulkFailed(EngineError):
    """Some actions of a bulk request failed (other than deleting what was not there)."""

    def __init__(self, failures):
        first = next(iter(failures[0].values()))
        error = first.get("error", {})
        detail = f"{error.get('type')}: {error.get('reason')}" if error else first.get("status")
        super().__init__(f"{len(failures)} action(s) failed, e.g. {detail}")


def real_failures(item_errors):
    """Bulk item errors, minus deletes of documents that were already gone."""
    return [
        item
        for item in item_errors
        if not ("delete" in item and item["delete"].get("status") == 404)
    ]


class ElasticFamilyEngine(SearchEngine):
    unavailable_errors = ()  # the client's exceptions that mean "down or too slow"
    rejected_errors = ()  # the client's exceptions for an error answer

    def __init__(self, urls=None, index_prefix=None, timeout=None):
        self.urls = urls or settings.SEARCH_URLS
        self.alias = f"{index_prefix or settings.SEARCH_INDEX_PREFIX}-knowledge"
        self.timeout = timeout if timeout is not None else settings.SEARCH_TIMEOUT

    # Adapter hooks -----------------------------------------------------------

    def make_client(self):
        raise NotImplementedError

    @property
    def indexing_client(self):
        """A client for index maintenance (create, settings, alias), which may take longer
        than searches."""
        raise NotImplementedError

    def send_bulk(self, actions, require_alias, timeout):
        """Send actions with the client's bulk helper; return the failed items."""
        raise NotImplementedError

    def index_settings(self):
        """Settings and mappings of a new index (an adapter may add engine-only settings)."""
        return mapping.index_settings()

    def bulk(self, actions, require_alias=True):
        """Index and delete; ``require_alias`` keeps a missing alias from being
        auto-created as a plain index with guessed mappings. Returns the count."""
        failures = real_failures(self.send_bulk(actions, require_alias, INDEXING_TIMEOUT))
        if failures:
            raise BulkFailed(failures)
        return len(actions)

    @cached_property
    def client(self):
        return self.make_client()

    def call(self, method, *args, **kwargs):
        """Call the client: an outage raises EngineUnavailable, an error answer EngineError."""
        try:
            return method(*args, **kwargs)
        except self.unavailable_errors as error:
            raise EngineUnavailable(f"{self.name}: {str(error)[:500]}") from error
        except self.rejected_errors as error:
            raise EngineError(f"{self.name}: {str(error)[:500]}") from error

    # Searching -------------------------------------------------------------

    def search(self, request):
        bodies = build_search_bodies(self.alias, request)
        parts = SEARCH_ANSWER_PARTS
        responses = self.call(self.client.msearch, body=bodies, filter_path=parts)["responses"]
        counts, response = responses[0], responses[-1]  # one response may hold both
        for answer in (counts, response):
            if "error" in answer:
                # No copy of the index could answer: a node that held the only one is down.
                failure = EngineUnavailable if answer.get("status") in (502, 503) else EngineError
                raise failure(f"{self.name}: {str(answer['error'])[:500]}")
        aggregations = counts["aggregations"]
        preferred = request.preferred_languages()
        total = aggregations["total"]["doc_count"]
        return SearchResult(
            total=total,
            hits=[self._hit(hit, preferred) for hit in response.get("hits", {}).get("hits", [])],
            facets={
                name: {
                    bucket["key"]: bucket["doc_count"]
                    for bucket in facet_buckets(aggregations, name)
                }
                for name in facets.keys()
            },
            suggestion=self.honest_suggestion(request, total, self._correction(response)),
        )

    def count(self, request):
        body = build_count_body(request)
        return self.call(self.client.count, index=self.alias, body=body)["count"]

    def finds_more(self, request, than):
        """Counting stops at the first item past ``than`` (on each shard: the sum still
        passes ``than`` exactly when the full count would)."""
        body = build_count_body(request)
        answer = self.call(self.client.count, index=self.alias, body=body, terminate_after=than + 1)
        return answer["count"] > than

    @staticmethod
    def _hit(hit, preferred):
        """The version to show, with a highlight from its own text if it has one."""
        document = shown_version(hit["_source"], preferred)
        fragments = hit.get("highlight", {})
        for name in HIGHLIGHT_ORDER:
            own = fragments.get(f"{name}_{document['locale']}")
            if own:
                return Hit(document=document, highlight=own[0])
        return Hit(document=document)

    @staticmethod
    def _correction(response):
        """The query with each word no language knows replaced by the best correction
        in the query's language; None if there is none."""
        suggestions = response.get("suggest", {})
        unknown = suggestions.get("unknown", [])
        in_language = suggestions.get("did_you_mean", [])
        words, corrected = [], False
        for anywhere, here in zip(unknown, in_language, strict=True):
            if anywhere["options"] and here["options"]:
                words.append(here["options"][0]["text"])
                corrected = True
            else:
                words.append(here["text"])
        return " ".join(words) if corrected else None

    def suggest(self, text, language):
        response = self.call(
            self.client.search, index=self.alias, body=build_suggest_body(text, language)
        )
        return [hit["_source"] for hit in response["hits"]["hits"]]

    def health(self):
        try:
            status = self.call(self.client.cluster.health)["status"]
            exists = self.call(self.client.indices.exists_alias, name=self.alias)
        except (EngineUnavailable, EngineError):
            return "degraded"
        return "ok" if status in ("green", "yellow") and exists else "degraded"

    # Indexing --------------------------------------------------------------

    def apply(self, groups):
        """One bulk request for all the groups; returns {translation_key: reason} of
        the groups with a rejected document (the others are applied)."""
        actions, group_of = [], {}
        for translation_key, documents in groups.items():
            current = {document["id"] for document in documents}
            actions.extend(self._index_action(self.alias, document) for document in documents)
            actions.extend(
                {"_op_type": "delete", "_index": self.alias, "_id": stale}
                for stale in all_doc_ids(translation_key)
                if stale not in current
            )
            group_of.update((doc_id, translation_key) for doc_id in all_doc_ids(translation_key))
        if not actions:
            return {}
        failures = real_failures(self.call(self.send_bulk, actions, True, PUSH_TIMEOUT))
        rejected = {}
        for failure in failures:
            item = next(iter(failure.values()))
            rejected.setdefault(group_of[item["_id"]], str(item.get("error", item))[:1000])
        return rejected

    @staticmethod
    def _index_action(index, document):
        return {"_op_type": "index", "_index": index, "_id": document["id"], "_source": document}

    def rebuild(self, documents, progress=None):
        """Fill a new index, then move the alias to it in one atomic step.

        A rebuild that fails leaves the alias (and searches) on the old index.
        """
        new_index = f"{self.alias}-{time.strftime('%Y%m%d%H%M%S')}-{time.time_ns() % 10**6}"
        self.call(self.indexing_client.indices.create, index=new_index, body=self.index_settings())
        try:
            done = self._load(new_index, documents, progress)
            self._go_live(new_index)
            self._point_alias_at(new_index)
        except BaseException:
            self._delete_quietly(new_index)
            raise
        return new_index, done

    def _load(self, index, documents, progress):
        """Bulk-load documents, BULK_STREAMS requests at a time; returns how many.

        Documents are read (from the database) in this thread; only the requests
        run in the pool.
        """
        done, in_flight = 0, deque()
        with ThreadPoolExecutor(max_workers=BULK_STREAMS) as pool:
            for chunk in chunks(documents, BULK_CHUNK):
                actions = [self._index_action(index, document) for document in chunk]
                in_flight.append(pool.submit(self.call, self.bulk, actions, require_alias=False))
                if len(in_flight) >= BULK_STREAMS:
                    done += in_flight.popleft().result()
                    if progress:
                        progress(done)
            while in_flight:
                done += in_flight.popleft().result()
        if progress:
            progress(done)
        return done

    def _go_live(self, index):
        """Searchable within a second, each change durable, and copied to the replicas
        (added after the load: copying each bulk request to a replica would double the
        work). The alias moves only once the replicas hold the index, so a node lost right
        after a rebuild loses no search."""
        replicas = self.replica_count()
        body = {"index": {**mapping.LIVE_SETTINGS, "number_of_replicas": replicas}}
        self.call(self.indexing_client.indices.put_settings, index=index, body=body)
        self.call(self.indexing_client.indices.refresh, index=index)
        if replicas and not self._wait_for_replicas(index):
            logger.warning(
                "The index's %d replica(s) were not ready after %d s: is SEARCH_REPLICAS "
                "more than the cluster's data nodes minus one?",
                replicas,
                REPLICA_WAIT,
            )

    def _wait_for_replicas(self, index):
        """Whether all copies of the index were ready within REPLICA_WAIT seconds (each
        health request waits on the engine up to its default 30 s)."""
        deadline = time.monotonic() + REPLICA_WAIT
        while True:
            health = self.call(
                self.indexing_client.cluster.health, index=index, wait_for_status="green"
            )
            if not health["timed_out"]:
                return True
            if time.monotonic() > deadline:
                return False

    def replica_count(self):
        """SEARCH_REPLICAS, else one replica when the cluster has two data nodes or more
        (a copy on another node keeps searches and updates going while one node is down)."""
        if settings.SEARCH_REPLICAS is not None:
            return settings.SEARCH_REPLICAS
        health = self.call(self.indexing_client.cluster.health)
        return min(1, health["number_of_data_nodes"] - 1)

    def _delete_quietly(self, index):
        try:
            self.indexing_client.indices.delete(index=index)
        except self.unavailable_errors:
            logger.warning("Could not remove the half-built index %s", index)

    def _point_alias_at(self, new_index):
        old = self.indices_behind_alias()
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        # A plain index named like the alias (left by a bad start) would block the alias.
        if self.call(self.indexing_client.indices.exists, index=self.alias) and not old:
            self.call(self.indexing_client.indices.delete, index=self.alias)
        self.call(self.indexing_client.indices.update_aliases, body={"actions": actions})
        for index in old:
            self.call(self.indexing_client.indices.delete, index=index)

    def indices_behind_alias(self):
        if not self.call(self.indexing_client.indices.exists_alias, name=self.alias):
            return []
        return sorted(self.call(self.indexing_client.indices.get_alias, name=self.alias))

    def refresh(self):
        self.call(self.client.indices.refresh, index=self.alias)

    def drop(self):
        """Remove the alias and every index behind it (tests and benchmarks)."""
        for index in self.indices_behind_alias():
            self.call(self.indexing_client.indices.delete, index=index)
