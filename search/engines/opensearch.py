"""OpenSearch 2/3 through opensearch-py."""

from opensearchpy import OpenSearch
from opensearchpy import exceptions as errors
from opensearchpy.helpers import bulk

from search.engines.elastic import CONNECTIONS_PER_NODE, ElasticFamilyEngine


class OpenSearchEngine(ElasticFamilyEngine):
    name = "opensearch"
    unavailable_errors = (errors.ConnectionError,)  # timeouts included
    rejected_errors = (errors.TransportError,)

    def make_client(self):
        return OpenSearch(
            self.urls,
            timeout=self.timeout,
            max_retries=0,
            retry_on_timeout=False,
            pool_maxsize=CONNECTIONS_PER_NODE,
        )

    def send_bulk(self, actions, require_alias, timeout):
        _done, failures = bulk(
            self.client,
            actions,
            require_alias=require_alias,
            raise_on_error=False,
            request_timeout=timeout,
        )
        return failures
