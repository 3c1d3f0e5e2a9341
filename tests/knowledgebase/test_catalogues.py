"""Every configured language is served even when a deploy skipped compilemessages.

Django serves /kl/, /se/ and /iu/ only when a compiled catalogue exists for
them; start-up compiles missing catalogues, or refuses to start.
"""

import gettext
import shutil
import tempfile
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.test import TestCase, override_settings

from polarkb.catalogues import ensure_catalogues, languages_without_catalogue
from tests.conftest import build_tree, translate

REPO = Path(__file__).resolve().parents[2]


class UncompiledCataloguesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        for page in vars(build_tree()).values():
            translate(page, "kl")

    def setUp(self):
        """A copy of the interface translations as a fresh checkout has them: no .mo files."""
        self.locale = Path(tempfile.mkdtemp()) / "locale"
        self.addCleanup(shutil.rmtree, self.locale.parent)
        shutil.copytree(REPO / "locale", self.locale, ignore=shutil.ignore_patterns("*.mo"))

    def test_start_up_compiles_them_and_every_language_is_served(self):
        with override_settings(LOCALE_PATHS=[self.locale]):
            self.assertIsNone(gettext.find("django", self.locale, ["kl"]))  # Django would drop kl
            ensure_catalogues()
            self.assertEqual(languages_without_catalogue(), [])
            response = self.client.get("/kl/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<html lang="kl"', html)
        self.assertIn("Ujarlerit", html)  # "Search" in Kalaallisut

    def test_start_up_fails_loudly_when_it_cannot_compile(self):
        (self.locale / "se" / "LC_MESSAGES" / "django.mo").mkdir()  # cannot be replaced
        with override_settings(LOCALE_PATHS=[self.locale]):
            with self.assertRaisesMessage(ImproperlyConfigured, "compilemessages"):
                ensure_catalogues()

    def test_start_up_fails_loudly_for_a_language_without_translations(self):
        shutil.rmtree(self.locale / "iu")
        with override_settings(LOCALE_PATHS=[self.locale]):
            with self.assertRaisesMessage(ImproperlyConfigured, "iu"):
                ensure_catalogues()
