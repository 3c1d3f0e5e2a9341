"""The production server: gunicorn with gunicorn.conf.py and production settings serves
static files compressed through whitenoise, and sends the security headers, on its
error pages too; behind its front (nginx, scripts/front.sh), half-open connections do
not stop it."""

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests

from tests.search.engine import running_in_ci

REPO = Path(__file__).resolve().parents[1]
HALF_OPEN_CONNECTIONS = 50


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("production")
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "polarkb.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",  # TLS ends at the proxy in front
        "DATABASE_URL": f"sqlite:///{directory / 'db.sqlite3'}",
        "STATIC_ROOT": str(directory / "static"),
        "SEARCH_ENGINE": "database",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": "2",
    }
    for command in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        manage = [sys.executable, "manage.py", *command]
        subprocess.run(manage, cwd=REPO, env=environment, check=True, timeout=300)
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
    try:
        wait_until_answering(url, process)
        yield url, directory / "static"
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_answering(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn stopped:\n{process.stderr.read()}")
        try:
            requests.get(f"{url}/healthz", timeout=2)
            return
        except requests.ConnectionError:
            time.sleep(0.2)
    pytest.fail("gunicorn did not answer")


def test_static_files_are_served_compressed_and_cached_for_good(server):
    url, static_root = server
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    stylesheet = manifest["paths"]["css/site.css"]
    response = requests.get(f"{url}/static/{stylesheet}", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    assert ".site-header" in response.text


def test_secure_requests_get_hsts_and_every_response_a_csp(server):
    url, _static_root = server
    response = requests.get(f"{url}/healthz", headers={"X-Forwarded-Proto": "https"})
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_a_form_in_an_unreadable_charset_gets_a_400_with_the_security_headers(server):
    url, _static_root = server
    for address in ("/en/contact/", "/en/feedback/", "/admin/login/", "/en/"):
        response = requests.post(
            f"{url}{address}",
            data="name=a".encode("utf-16"),
            headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-16"},
            cookies={"csrftoken": "x" * 32},
            allow_redirects=False,
            timeout=30,
        )
        assert response.status_code == 400, address
        assert "Content-Security-Policy" in response.headers, address


def test_a_charset_that_is_not_a_text_encoding_gets_a_400(server):
    """Django would decode the query string with it before any middleware runs."""
    url, _static_root = server
    for charset in ("base64", "rot13"):
        for address in ("/api/search/?q=ice", "/en/contact/?member=sio"):
            response = requests.get(
                f"{url}{address}",
                headers={"Content-Type": f"text/plain; charset={charset}"},
                timeout=30,
            )
            assert response.status_code == 400, (charset, address)
            assert "Content-Security-Policy" in response.headers, (charset, address)


@pytest.fixture(scope="module")
def front(server, tmp_path_factory):
    """Debian's nginx in front of the server, as scripts/front.sh runs it."""
    if not (shutil.which("nginx") or Path("/usr/sbin/nginx").exists()):
        reason = "install Debian's nginx-light package"
        if running_in_ci():
            pytest.fail(f"CI needs nginx for the front's tests: {reason}", pytrace=False)
        pytest.skip(f"no nginx: {reason}")
    url, _static_root = server
    listen = f"127.0.0.1:{free_port()}"
    environment = {
        **os.environ,
        "FRONT_DIR": str(tmp_path_factory.mktemp("front")),
        "FRONT_LISTEN": listen,
        "BACKEND": url.removeprefix("http://"),
    }
    front_sh = [str(REPO / "scripts" / "front.sh")]
    subprocess.run([*front_sh, "start"], env=environment, check=True, timeout=30)
    try:
        yield f"http://{listen}"
    finally:
        subprocess.run([*front_sh, "stop"], env=environment, check=True, timeout=30)


def half_open_connections(url, count):
    """Connections that send half a request header and then nothing."""
    host, port = url.removeprefix("http://").split(":")
    connections = []
    for _ in range(count):
        connection = socket.create_connection((host, int(port)), timeout=5)
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        connections.append(connection)
    return connections


@pytest.mark.front
def test_half_open_connections_do_not_stop_the_site(front):
    connections = half_open_connections(front, HALF_OPEN_CONNECTIONS)
    try:
        for _ in range(5):
            started = time.monotonic()
            response = requests.get(f"{front}/healthz", timeout=5)
            assert response.status_code == 200
            assert time.monotonic() - started < 1
    finally:
        for connection in connections:
            connection.close()


@pytest.mark.front
def test_the_front_passes_pages_and_their_headers_on(front):
    response = requests.get(f"{front}/en/contact/", headers={"Accept-Encoding": "gzip"}, timeout=30)
    assert response.status_code == 200
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["Server"] == "nginx"  # no version for attackers to look up
