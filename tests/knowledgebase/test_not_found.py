"""Bad addresses get a 404 page in the reader's language, never a 500."""

import re

from django.conf import settings
from django.test import TestCase
from django.utils.http import url_has_allowed_host_and_scheme

from tests.conftest import build_tree, translate


class NotFoundTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        for page in vars(tree).values():
            translate(page, "fr")

    def assert_not_found_in(self, url, language, **headers):
        response = self.client.get(url, **headers)
        html = response.content.decode()
        self.assertEqual(response.status_code, 404, url)
        self.assertIn(f'<html lang="{language}"', html)
        return html

    def test_unknown_language_prefix_is_404_in_readers_language(self):
        html = self.assert_not_found_in("/xx/", "fr", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertIn("Page introuvable", html)
        self.assert_not_found_in("/pt-br/guides/", "en", HTTP_ACCEPT_LANGUAGE="en")

    def test_unknown_topic_region_and_member(self):
        for url in ("/fr/topics/no-such-topic/", "/fr/regions/atlantis/", "/fr/members/nobody/"):
            with self.subTest(url=url):
                html = self.assert_not_found_in(url, "fr")
                self.assertIn("Page introuvable", html)

    def test_unknown_page_in_english(self):
        html = self.assert_not_found_in("/en/guides/no-such-guide/", "en")
        self.assertIn("Page not found", html)

    def test_configured_languages_are_not_mistaken_for_unknown_prefixes(self):
        response = self.client.get("/kl/", HTTP_ACCEPT_LANGUAGE="fr")
        self.assertNotEqual(response.status_code, 302)
        # Not yet translated into Kalaallisut: the home page is served in its source language.
        self.assertEqual(response.status_code, 200)
        self.assertIn('<html lang="kl"', response.content.decode())

    def test_language_links_never_lead_off_the_site(self):
        for url in ("/%2F%2Fevil.example%2F", "/%2F%5Cevil.example/", "/%5C%5Cevil.example/"):
            with self.subTest(url=url):
                html = self.client.get(url).content.decode()
                links = re.findall(r'<a href="([^"]*)" lang="', html)
                self.assertEqual(len(links), len(settings.LANGUAGES))
                for link in links:
                    self.assertTrue(url_has_allowed_host_and_scheme(link, allowed_hosts=None))
                    self.assertRegex(link, r"^/[^/\\]")
