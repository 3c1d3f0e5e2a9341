"""OpenSearch 2/3 through opensearch-py."""

from opensearchpy import OpenSearch
from opensearchpy import exceptions as errors
from opensearchpy.helpers import BulkIndexError, bulk

from search.engines.elastic import ElasticFamilyEngine


class OpenSearchEngine(ElasticFamilyEngine):
    name = "opensearch"
    unavailable_errors = (
        errors.ConnectionError,
        errors.ConnectionTimeout,
        errors.NotFoundError,
        errors.TransportError,
        BulkIndexError,
    )

    def make_client(self):
        return OpenSearch(self.urls, timeout=self.timeout, max_retries=0, retry_on_timeout=False)

    def bulk(self, actions, require_alias=True):
        bulk(self.client, actions, require_alias=require_alias, refresh=False)
