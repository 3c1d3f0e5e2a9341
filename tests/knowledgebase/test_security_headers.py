"""Security headers: the Content-Security-Policy keeps inline scripts from running on
public pages (checked in Chromium), the admin keeps working under its own policy,
the API may be cached briefly, and production settings pass ``check --deploy``."""

import base64
import hashlib
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.test import LiveServerTestCase, TestCase, override_settings

import pytest

from tests import factories as f
from tests.conftest import build_tree
from tests.search.engine import running_in_ci

REPO = Path(__file__).resolve().parents[2]
INLINE_SCRIPT_ALLOWANCES = (
    "'unsafe-inline'",
    "'unsafe-hashes'",
    "'nonce-",
    "'sha",
    "'strict-dynamic'",
)


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def script_sources(directives):
    """The sources that decide whether an inline <script> element may run."""
    for name in ("script-src-elem", "script-src", "default-src"):
        if name in directives:
            return directives[name]
    return ["*"]


class PublicPageHeadersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        cls.guide = f.GuidePageFactory(parent=tree.guides)

    def public_responses(self):
        for url in ("/en/", "/en/guides/", self.guide.url, "/en/search/?q=ice", "/en/nowhere/"):
            yield url, self.client.get(url)

    def test_public_pages_forbid_inline_scripts(self):
        for url, response in self.public_responses():
            with self.subTest(url=url):
                sources = script_sources(policy(response))
                self.assertIn("'self'", sources)
                for allowance in INLINE_SCRIPT_ALLOWANCES:
                    self.assertFalse(any(s.startswith(allowance) for s in sources), sources)
                self.assertEqual(policy(response)["object-src"], ["'none'"])

    def test_only_the_sites_own_inline_stylesheet_is_allowed(self):
        for url in ("/en/", "/en/", self.guide.url):  # the second /en/ is served from the cache
            with self.subTest(url=url):
                response = self.client.get(url)
                style_sources = policy(response)["style-src"]
                self.assertNotIn("'unsafe-inline'", style_sources)
                css = re.search(r"<style>(.*?)</style>", response.content.decode(), re.S).group(1)
                digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
                self.assertIn(f"'sha256-{digest}'", style_sources)

    def test_public_pages_turn_off_unused_browser_features(self):
        for url, response in self.public_responses():
            with self.subTest(url=url):
                features = response["Permissions-Policy"]
                for feature in ("camera", "microphone", "geolocation", "payment"):
                    self.assertIn(f"{feature}=()", features)


class AdminUnderItsPolicyTests(TestCase):
    def test_the_admin_works_and_may_run_its_inline_scripts(self):
        build_tree()
        User.objects.create_superuser("editor", "editor@example.org", "a-long-password")
        self.client.login(username="editor", password="a-long-password")
        response = self.client.get("/admin/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Polar Knowledge Base")
        self.assertIn("'unsafe-inline'", script_sources(policy(response)))


class ApiCachingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        build_tree()

    def test_anonymous_answers_are_public_for_a_short_while(self):
        for url in ("/api/search/?q=ice", "/api/search/suggest/?q=ice"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertEqual(response["Cache-Control"], "public, max-age=60")
                self.assertIn("camera=()", response["Permissions-Policy"])

    def test_signed_in_answers_are_private(self):
        self.client.cookies[settings.SESSION_COOKIE_NAME] = "some-session"
        response = self.client.get("/api/search/?q=ice")
        self.assertIn("private", response["Cache-Control"])
        self.assertNotIn("public", response["Cache-Control"])

    def test_errors_are_not_cached_as_answers(self):
        response = self.client.get("/api/search/?page=0")
        self.assertEqual(response.status_code, 400)
        self.assertNotIn("public", response.get("Cache-Control", ""))


def chromium():
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        if running_in_ci():
            pytest.fail("CI needs Chromium for the browser checks", pytrace=False)
        pytest.skip("Chromium is not installed")
    return browser


@override_settings(ROOT_URLCONF="tests.knowledgebase.inline_script_urls")
class InlineScriptInBrowserTests(LiveServerTestCase):
    def rendered_dom(self, path):
        command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom"]
        result = subprocess.run(
            [*command, f"{self.live_server_url}{path}"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        self.assertIn("<h1>Inline script</h1>", result.stdout, result.stderr[-2000:])
        return result.stdout

    def test_an_inline_script_on_a_public_page_does_not_run(self):
        build_tree()
        self.assertNotIn('data-inline-script="ran"', self.rendered_dom("/en/inline-script/"))
        # The same page under the admin's policy runs it: the check can see a script run.
        self.assertIn('data-inline-script="ran"', self.rendered_dom("/admin/inline-script/"))


def test_production_settings_pass_the_deployment_checks():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "polarkb.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "kb.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
