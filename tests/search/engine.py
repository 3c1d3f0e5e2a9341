"""A real OpenSearch or Elasticsearch node for the search tests.

``SEARCH_TEST_ENGINE`` (opensearch, the default, or elasticsearch) says which
engine the engine tests run on, so CI runs the search suite once per engine.
``SEARCH_URL`` points the tests at a running node of that engine (CI starts
one with ``make engine``); ``SEARCH_URL_OPENSEARCH`` and
``SEARCH_URL_ELASTICSEARCH`` name each engine's node for the tests that
compare both. Without them, the project's own launcher starts a node on a
test port (``TEST_ENGINE_PORT`` for OpenSearch, ``TEST_ELASTICSEARCH_PORT``
for Elasticsearch) for this run and stops it afterwards. In CI (CI set to
anything but 0 or false) a node that cannot be reached fails the run;
elsewhere the engine tests are skipped with the reason.
"""

import atexit
import os
import re
import subprocess
from functools import cache
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase, override_settings

import pytest
import requests

from search.service import get_engine
from tests.search.corpus import build_corpus

REPO = Path(__file__).resolve().parents[2]
ENGINES = ("opensearch", "elasticsearch")
ENGINE = os.environ.get("SEARCH_TEST_ENGINE", "opensearch")
if ENGINE not in ENGINES:
    raise ValueError(f"SEARCH_TEST_ENGINE must be one of {', '.join(ENGINES)}, not {ENGINE!r}")
TEST_PORTS = {
    "opensearch": os.environ.get("TEST_ENGINE_PORT", "9250"),
    "elasticsearch": os.environ.get("TEST_ELASTICSEARCH_PORT", "9251"),
}
# The modelsearch backend Wagtail's admin search uses on each engine.
WAGTAIL_BACKENDS = {
    "opensearch": "wagtail.search.backends.opensearch3",
    "elasticsearch": "wagtail.search.backends.elasticsearch9",
}


def engine_script(action, port, engine=ENGINE):
    return subprocess.run(
        [str(REPO / "scripts" / "engine.sh"), action],
        env={**os.environ, "ENGINE": engine, "ENGINE_PORT": port, "ENGINE_HEAP": "512m"},
        capture_output=True,
        text=True,
        timeout=600,
    )


def is_healthy(url):
    try:
        response = requests.get(f"{url}/_cluster/health", timeout=5)
    except requests.RequestException:
        return False
    return response.ok and response.json()["status"] in ("green", "yellow")


def running_in_ci():
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def unavailable(reason):
    if running_in_ci():
        pytest.fail(f"CI needs a real search engine: {reason}", pytrace=False)
    pytest.skip(f"no search engine: {reason}")


def configured_url(engine):
    """The node URL the environment gives for an engine, if any."""
    name = f"SEARCH_URL_{engine.upper()}"
    url = os.environ.get(name, "")
    if not url and engine == ENGINE:
        name, url = "SEARCH_URL", os.environ.get("SEARCH_URL", "")
    return name, url.split(",")[0].strip()


@cache
def engine_url(engine=ENGINE):
    """URL of a healthy node of the engine, starting one through scripts/engine.sh if needed."""
    name, url = configured_url(engine)
    if url:
        if not is_healthy(url):
            unavailable(f"{name}={url} does not answer")
        return url
    port = TEST_PORTS[engine]
    result = engine_script("start", port, engine)
    if result.returncode != 0:
        unavailable(
            f"ENGINE={engine} scripts/engine.sh start failed:\n{result.stdout}\n{result.stderr}"
        )
    atexit.register(engine_script, "stop", port, engine)
    return f"http://127.0.0.1:{port}"


def managed_port(engine=ENGINE):
    """The port of the node the tests may stop and restart, if they started it."""
    url = engine_url(engine)
    return url.rsplit(":", 1)[1].rstrip("/")


def managed_pid():
    """The process id of that node, as scripts/engine.sh knows it (None if it did not
    start it), so a test can pause exactly this node."""
    status = engine_script("status", managed_port())
    found = re.search(r"running \(pid (\d+)\)", status.stdout)
    return int(found.group(1)) if found else None


class EngineTestCase(TestCase):
    """A TestCase with the search corpus, whose searches go to the real node in an
    index of its own (or to the database engine when engine_name says so)."""

    engine_name = ENGINE

    @classmethod
    def setUpClass(cls):
        overrides = {"SEARCH_ENGINE": cls.engine_name}
        if cls.engine_name != "database":
            overrides.update(
                SEARCH_URLS=cls.engine_urls(),
                SEARCH_INDEX_PREFIX=f"test-{cls.__name__.lower()}",
            )
        cls._settings = override_settings(**overrides)
        cls._settings.enable()
        # A class cleanup, so settings a subclass overrides too are undone in reverse order.
        cls.addClassCleanup(cls._settings.disable)
        super().setUpClass()

    @classmethod
    def engine_urls(cls):
        return [engine_url()]

    @classmethod
    def tearDownClass(cls):
        try:
            if cls.engine_name != "database":
                get_engine().drop()
        finally:
            super().tearDownClass()

    @classmethod
    def setUpTestData(cls):
        cls.corpus = build_corpus()
        cls.add_content()
        cls.build_index()

    @classmethod
    def add_content(cls):
        """More content for one test class, indexed with the corpus."""

    @classmethod
    def build_index(cls):
        call_command("rebuild_search_index", stdout=StringIO())

    def api(self, **params):
        response = self.client.get("/api/search/", params)
        self.assertEqual(response.status_code, 200, response.content)
        answer = response.json()
        self.assertFalse(answer["fallback"], "the engine should have answered")
        return answer
