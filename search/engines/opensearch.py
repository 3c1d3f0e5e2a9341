"""OpenSearch 2/3 through opensearch-py."""

from django.utils.functional import cached_property

from opensearchpy import OpenSearch
from opensearchpy import exceptions as errors
from opensearchpy.helpers import bulk

from search.engines.elastic import (
    INDEXING_TIMEOUT,
    ElasticFamilyEngine,
    connections_per_node,
    retries_for,
)


class OpenSearchEngine(ElasticFamilyEngine):
    name = "opensearch"
    unavailable_errors = (errors.ConnectionError,)  # timeouts included
    rejected_errors = (errors.TransportError,)

    def make_client(self, timeout=None):
        return OpenSearch(
            self.urls,
            timeout=timeout or self.timeout,
            max_retries=retries_for(self.urls),
            retry_on_timeout=False,
            pool_maxsize=connections_per_node(),
        )

    @cached_property
    def indexing_client(self):
        return self.make_client(timeout=INDEXING_TIMEOUT)

    def send_bulk(self, actions, require_alias, timeout):
        _done, failures = bulk(
            self.client,
            actions,
            require_alias=require_alias,
            raise_on_error=False,
            request_timeout=timeout,
        )
        return failures
