"""Every configured language is served only when its catalogue is compiled, and a deploy
that skipped ``make messages`` is told so by the system check rather than by missing pages.

Catalogues are compiled when the site is built; start-up writes nothing.
"""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.apps import apps
from django.core import checks
from django.test import TestCase, override_settings

import polib

from polarkb.catalogues import check_catalogues
from tests.conftest import build_tree, translate

REPO = Path(__file__).resolve().parents[2]


def compile_catalogues(locale):
    """What `make messages` does on a machine without GNU gettext."""
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "compile_messages.py"), str(locale)],
        check=True,
        capture_output=True,
    )


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

    def problems(self):
        with override_settings(LOCALE_PATHS=[self.locale]):
            return {problem.id: problem for problem in check_catalogues()}

    def test_the_check_names_the_languages_django_would_not_serve(self):
        problems = self.problems()
        self.assertEqual(problems["polarkb.E001"].level, checks.ERROR)
        for language in ("kl", "se", "iu"):
            self.assertIn(language, problems["polarkb.E001"].msg)
        self.assertNotIn("fr,", problems["polarkb.E001"].msg)  # Django ships French
        self.assertIn("make messages", problems["polarkb.E001"].hint)

    def test_start_up_writes_no_catalogue(self):
        with override_settings(LOCALE_PATHS=[self.locale]):
            apps.get_app_config("polarkb").ready()
        self.assertEqual(list(self.locale.glob("*/LC_MESSAGES/*.mo")), [])

    def test_once_compiled_the_check_passes_and_every_language_is_served(self):
        compile_catalogues(self.locale)
        self.assertEqual(self.problems(), {})
        with override_settings(LOCALE_PATHS=[self.locale]):
            response = self.client.get("/kl/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<html lang="kl"', html)
        self.assertIn("Ujarlerit", html)  # "Search" in Kalaallisut

    def test_a_catalogue_older_than_its_translations_is_a_warning(self):
        compile_catalogues(self.locale)
        po_path = self.locale / "se" / "LC_MESSAGES" / "django.po"
        later = po_path.with_suffix(".mo").stat().st_mtime + 60
        os.utime(po_path, (later, later))
        problems = self.problems()
        self.assertEqual(list(problems), ["polarkb.W001"])
        self.assertIn(str(po_path), problems["polarkb.W001"].msg)


class ProjectCataloguesTests(TestCase):
    def test_the_checkout_the_suite_runs_on_passes_the_check(self):
        self.assertEqual(check_catalogues(), [])


class CatalogueGuessesTests(TestCase):
    """A "fuzzy" entry is gettext's guess from a similar string (often wrong: "Action"
    guessed as the word for "Regions"). The browser editor would publish it with one
    tick, so the catalogues keep none: an entry is translated by a person or empty."""

    def test_no_catalogue_holds_a_guessed_translation(self):
        for catalogue in sorted(REPO.glob("locale/*/LC_MESSAGES/django.po")):
            with self.subTest(catalogue=catalogue.parent.parent.name):
                guesses = [entry.msgid for entry in polib.pofile(str(catalogue)).fuzzy_entries()]
                self.assertEqual(guesses, [])
