"""A two-node cluster: with one node down, searches still come from the engine and the
outbox still reaches the index; when the node comes back the cluster is whole (green).

The test starts its own cluster (``ENGINE_NODES=2 scripts/engine.sh``) on
``TEST_CLUSTER_PORT`` and the port after it, of the engine under test
(SEARCH_TEST_ENGINE), and stops it afterwards.
"""

import atexit
import datetime
import os
import subprocess
from functools import cache

from django.core.cache import cache as django_cache
from django.test import override_settings

import pytest
import requests

from search.models import PendingIndexUpdate
from search.service import get_engine
from tests import factories as f
from tests.search.engine import ENGINE, REPO, EngineTestCase, unavailable
from tests.search.test_sync import DATABASE_TASKS, run_worker

pytestmark = pytest.mark.cluster

NODES = 2
FIRST_PORT = int(os.environ.get("TEST_CLUSTER_PORT", "9256"))
PORTS = [FIRST_PORT + n for n in range(NODES)]
HEALTH_WAIT = "120s"


def cluster_script(action, node=None, **env):
    if node:
        env["ENGINE_NODE"] = str(node)
    return subprocess.run(
        [str(REPO / "scripts" / "engine.sh"), action],
        env={
            **os.environ,
            "ENGINE": ENGINE,
            "ENGINE_PORT": str(FIRST_PORT),
            "ENGINE_NODES": str(NODES),
            "ENGINE_HEAP": "512m",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=600,
    )


@cache
def cluster_urls():
    """Both nodes' URLs, the cluster started fresh for this run."""
    result = cluster_script("start", ENGINE_FRESH="1")
    if result.returncode != 0:
        unavailable(
            f"ENGINE_NODES={NODES} scripts/engine.sh start failed:\n"
            f"{result.stdout}\n{result.stderr}"
        )
    atexit.register(cluster_script, "stop")
    return [f"http://127.0.0.1:{port}" for port in PORTS]


# The test is about a node lost, not speed: the node left may take a few seconds for its
# first searches while it promotes its copies, more on a busy machine.
@override_settings(SEARCH_TIMEOUT=10)
class ClusterTests(EngineTestCase):
    @classmethod
    def engine_urls(cls):
        return cluster_urls()

    def engine(self, method, path, **kwargs):
        """A request to the cluster through a node that is up (the first, at the end)."""
        response = requests.request(method, f"{self.live_url}{path}", timeout=150, **kwargs)
        self.assertTrue(response.ok, response.text)
        return response.json()

    def health(self, **params):
        """The cluster's health once it is as ``params`` ask (fails if it did not get there)."""
        health = self.engine("GET", "/_cluster/health", params={"timeout": HEALTH_WAIT, **params})
        self.assertFalse(health["timed_out"], health)
        return health

    def node_to_stop(self):
        """The node that is not the cluster manager: with two nodes only one of them has a
        vote, and a cluster that lost it has no manager (a third node would tolerate that)."""
        nodes = self.engine("GET", "/_cat/nodes", params={"h": "name,m", "format": "json"})
        (name,) = [node["name"] for node in nodes if node["m"] != "*"]
        port = int(name.rsplit("-", 1)[1])
        return name, PORTS.index(port) + 1

    def put_primary_on(self, node_name):
        """Makes the node about to stop hold the index's primary copy, so the test sees a
        primary lost, not only a replica."""
        index = get_engine().indices_behind_alias()[0]
        copies = self.engine(
            "GET", f"/_cat/shards/{index}", params={"h": "prirep,node", "format": "json"}
        )
        (primary,) = [copy["node"] for copy in copies if copy["prirep"] == "p"]
        if primary == node_name:
            return
        if any(copy["node"] == node_name for copy in copies):  # a replica is there: promote it
            command = {
                "cancel": {"index": index, "shard": 0, "node": primary, "allow_primary": True}
            }
        else:
            command = {
                "move": {"index": index, "shard": 0, "from_node": primary, "to_node": node_name}
            }
        self.engine("POST", "/_cluster/reroute", json={"commands": [command]})
        # Green: every copy assigned and started again (a cancelled copy is first unassigned).
        self.health(
            wait_for_status="green",
            wait_for_no_relocating_shards="true",
            wait_for_no_initializing_shards="true",
        )
        copies = self.engine(
            "GET", f"/_cat/shards/{index}", params={"h": "prirep,node", "format": "json"}
        )
        self.assertIn({"prirep": "p", "node": node_name}, copies)

    def search(self, query):
        django_cache.clear()  # each search goes to the engine, not to a kept answer
        return self.api(q=query)  # fails if the database engine answered instead

    def test_a_node_down_loses_no_search_and_no_update(self):
        self.live_url = f"http://127.0.0.1:{FIRST_PORT}"
        self.assertEqual(self.health(wait_for_nodes=NODES)["number_of_nodes"], NODES)
        name, node = self.node_to_stop()
        self.live_url = f"http://127.0.0.1:{PORTS[2 - node]}"
        self.put_primary_on(name)
        self.assertEqual(cluster_script("stop", node).returncode, 0)
        self.addCleanup(cluster_script, "start", node)

        for _ in range(2 * NODES):  # the client tries each node in turn
            results = self.search("sea ice")["results"]
            self.assertEqual(results[0]["title"], "Sea-ice travel safety")
        django_cache.clear()
        self.assertEqual(self.client.get("/healthz").json()["search"], "ok")

        guide = self.publish_guide()
        self.assertEqual(PendingIndexUpdate.objects.count(), 0, "the outbox was not applied")
        get_engine().refresh()
        self.assertEqual([r["title"] for r in self.search("katabatic")["results"]], [guide.title])

        result = cluster_script("start", node)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(
            self.health(wait_for_status="green", wait_for_nodes=NODES)["status"], "green"
        )
        for _ in range(2 * NODES):
            self.assertEqual(
                [r["title"] for r in self.search("katabatic")["results"]], [guide.title]
            )

    def publish_guide(self):
        guide = f.GuidePageFactory.build(
            slug="katabatic-winds",
            title="Katabatic winds at coastal camps",
            summary="Anchoring tents against sudden katabatic storms.",
            published=datetime.date(2026, 1, 5),
        )
        self.corpus.tree.guides.add_child(instance=guide)
        with override_settings(TASKS=DATABASE_TASKS):
            with self.captureOnCommitCallbacks(execute=True):
                guide.save_revision().publish()
            run_worker()
        return guide
