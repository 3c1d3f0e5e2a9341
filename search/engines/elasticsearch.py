"""Elasticsearch 8/9 through elasticsearch-py."""

from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import ConnectionTimeout
from elasticsearch import ApiError, Elasticsearch
from elasticsearch.helpers import BulkIndexError, bulk

from search.engines.elastic import ElasticFamilyEngine


class ElasticsearchEngine(ElasticFamilyEngine):
    name = "elasticsearch"
    unavailable_errors = (TransportConnectionError, ConnectionTimeout, ApiError, BulkIndexError)

    def make_client(self):
        return Elasticsearch(self.urls, request_timeout=self.timeout, max_retries=0)

    def bulk(self, actions, require_alias=True):
        bulk(self.client, actions, require_alias=require_alias, refresh=False)
