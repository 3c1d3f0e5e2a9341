"""Elasticsearch 8/9 through elasticsearch-py."""

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.helpers import bulk

from search.engines.elastic import (
    INDEXING_TIMEOUT,
    ElasticFamilyEngine,
    connections_per_node,
    retries_for,
)


class ElasticsearchEngine(ElasticFamilyEngine):
    name = "elasticsearch"
    unavailable_errors = (TransportConnectionError, ConnectionTimeout)
    rejected_errors = (ApiError,)

    def index_settings(self):
        body = super().index_settings()
        # Highlight the query's words wherever they occur in a shown field, as OpenSearch
        # does, not only where the whole query matched that field (Elasticsearch 8.9+).
        body["settings"]["highlight.weight_matches_mode.enabled"] = False
        return body

    def make_client(self):
        return Elasticsearch(
            self.urls,
            request_timeout=self.timeout,
            max_retries=retries_for(self.urls),
            connections_per_node=connections_per_node(),
        )

    @property
    def indexing_client(self):
        return self.client.options(request_timeout=INDEXING_TIMEOUT)

    def send_bulk(self, actions, require_alias, timeout):
        client = self.client.options(request_timeout=timeout)
        _done, failures = bulk(client, actions, require_alias=require_alias, raise_on_error=False)
        return failures
