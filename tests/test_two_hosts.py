"""Several hosts, one shared cache: two gunicorn servers with their own process
memory and local folders, one Redis (CACHE_URL) and one database. A change readers
can see, made anywhere, is seen at once through both.

Without CACHE_URL each server keeps its copies on its own host, and this test fails:
that is the point of it. `.ci/run` starts Redis (`make redis`) and sets CACHE_URL.
"""

import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.test import override_settings

import pytest
import requests

from consent.models import CommunityApproval, record_approval
from polarkb.settings.base import cache_settings
from tests import factories as f
from tests.conftest import build_tree
from tests.search.engine import running_in_ci
from tests.test_production_server import REPO, free_port, wait_until_answering

pytestmark = [pytest.mark.hosts, pytest.mark.django_db(transaction=True)]
CACHE_URL = os.environ.get("CACHE_URL", "")


def database_url():
    """The test database, as the servers' DATABASE_URL."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    host, port = db["HOST"] or "localhost", db["PORT"] or 5432
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{host}:{port}/{db['NAME']}"


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "polarkb.settings.production",
        "SECRET_KEY": "collectstatic",
        "ALLOWED_HOSTS": "127.0.0.1",
        "STATIC_ROOT": str(root),
    }
    manage = [sys.executable, "manage.py", "collectstatic", "--no-input", "-v0"]
    subprocess.run(manage, cwd=REPO, env=environment, check=True, timeout=300)
    return root


def start_host(name, folder, static_root):
    """A gunicorn server with production settings and its own local folders."""
    shutil.copytree(static_root, folder / "static")
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "polarkb.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": database_url(),
        "STATIC_ROOT": str(folder / "static"),
        "CACHE_DIR": str(folder / "cache"),
        "SEARCH_ENGINE": "database",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": "2",
    }
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn)],
        cwd=REPO,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_answering(url, process)
    return url, process


@pytest.fixture
def hosts(tmp_path, static_root):
    started = []
    try:
        for name in ("first", "second"):
            folder = tmp_path / name
            folder.mkdir()
            started.append(start_host(name, folder, static_root))
        yield [url for url, _process in started]
    finally:
        for _url, process in started:
            process.terminate()
            process.wait(timeout=30)


@pytest.fixture
def shared_cache():
    """This process files its changes where the servers look: the same caches.

    Without CACHE_URL a developer's `make test` skips this test (start Redis with
    `make redis` and set CACHE_URL to run it); in CI it fails."""
    if not CACHE_URL:
        if running_in_ci():
            pytest.fail("CI needs the shared cache: CACHE_URL is not set", pytrace=False)
        pytest.skip("no shared cache: set CACHE_URL (make redis)")
    caches = cache_settings(CACHE_URL, settings.CACHES["default"].get("LOCATION", ""), 100)
    with override_settings(CACHES=caches):
        yield


def read(url):
    response = requests.get(url, timeout=30)
    return response.status_code, response.text


def test_a_change_is_seen_at_once_through_every_host(shared_cache, hosts):
    tree = build_tree()
    sami = f.CommunityFactory(key="sami", name="Sámi reindeer herders")
    guide = f.GuidePageFactory(
        parent=tree.guides, slug="sea-ice", title="Travel on sea ice", communities=[sami]
    )
    record_approval(sami, guide, User.objects.create_user("ante"))
    for host in hosts:
        for _reader in range(2):  # the second reader gets the page its host kept
            status, html = read(f"{host}{guide.url}")
            assert status == 200, host
            assert "Travel on sea ice" in html, host

    guide.title = "Travel on fast ice"
    guide.save_revision().publish()
    for host in reversed(hosts):
        status, html = read(f"{host}{guide.url}")
        assert "Travel on fast ice" in html, host
        assert "Travel on sea ice" not in html, host

    CommunityApproval.objects.filter(page_translation_key=guide.translation_key).delete()
    for host in hosts:
        status, html = read(f"{host}{guide.url}")
        assert status == 404, host
        assert "Travel on fast ice" not in html, host
