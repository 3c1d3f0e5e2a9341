"""The engine clients keep one connection per server thread open to each node."""

from django.test import SimpleTestCase, override_settings

from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.opensearch import OpenSearchEngine

URLS = ["http://127.0.0.1:9"]  # never contacted: a client connects on its first request


def opensearch_pool_sizes(engine):
    return [
        connection.pool.pool.maxsize
        for connection in engine.client.transport.connection_pool.connections
    ]


def elasticsearch_pool_sizes(engine):
    return [node.pool.pool.maxsize for node in engine.client.transport.node_pool.all()]


class ConnectionPoolTests(SimpleTestCase):
    def test_both_clients_keep_the_configured_connections_per_node(self):
        with override_settings(SEARCH_CONNECTIONS_PER_NODE=34):
            self.assertEqual(opensearch_pool_sizes(OpenSearchEngine(URLS)), [34])
            self.assertEqual(elasticsearch_pool_sizes(ElasticsearchEngine(URLS)), [34])

    def test_a_small_server_still_keeps_a_few(self):
        with override_settings(SEARCH_CONNECTIONS_PER_NODE=3):
            self.assertEqual(opensearch_pool_sizes(OpenSearchEngine(URLS)), [10])
            self.assertEqual(elasticsearch_pool_sizes(ElasticsearchEngine(URLS)), [10])
