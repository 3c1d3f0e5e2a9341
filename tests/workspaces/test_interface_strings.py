"""Translators and Cluster editors complete the kl, se and iu interface catalogues in the
browser (django-rosetta); an untranslated string shows readers the English text, never
an empty one, and the coverage in the translation status report follows."""

import hashlib
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import TestCase, override_settings
from django.utils import translation

import polib

from localization.coverage import interface_coverage
from tests import factories as f

from .helpers import build_cluster

FILES_URL = "/admin/interface-strings/files/project/"
PROJECT_CATALOGUES = str(Path(settings.BASE_DIR) / "locale")


def rosetta_field(entry):
    """The form field rosetta gives a message: its hash of msgid, msgstr and context."""
    key = f"{entry.msgid}{entry.msgstr}{entry.msgctxt or ''}".encode()
    return "m_" + hashlib.md5(key).hexdigest()


class InterfaceStringsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cluster = build_cluster()
        f.LocaleFactory(language_code="kl")

    def setUp(self):
        # Work on a copy of the catalogues: the project's own files stay untouched.
        self.catalogues = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.catalogues)
        shutil.copytree(PROJECT_CATALOGUES, self.catalogues, dirs_exist_ok=True)
        copy = override_settings(
            LOCALE_PATHS=[self.catalogues], ROSETTA_EXCLUDED_PATHS=[PROJECT_CATALOGUES]
        )
        copy.enable()
        self.addCleanup(copy.disable)

    def kalaallisut(self):
        return polib.pofile(str(self.catalogues / "kl" / "LC_MESSAGES" / "django.po"))

    def test_translators_see_the_community_language_catalogues_only(self):
        self.client.force_login(self.cluster.translator)
        response = self.client.get(FILES_URL)
        self.assertEqual(response.status_code, 200)
        for path in ("kl/0/", "se/0/", "iu/0/"):
            self.assertContains(response, f"{FILES_URL}{path}")
        self.assertNotContains(response, f"{FILES_URL}fr/0/")

    def test_authors_and_reviewers_are_kept_out(self):
        for user in (self.cluster.author, self.cluster.reviewer):
            with self.subTest(user=user.username):
                self.client.force_login(user)
                response = self.client.get(FILES_URL)
                self.assertEqual(response.status_code, 302)
                self.assertTrue(response["Location"].startswith("/admin/login/"))

    def test_a_translated_string_reaches_readers_and_the_coverage(self):
        before = interface_coverage("kl").translated
        entry, still_empty = self.kalaallisut().untranslated_entries()[:2]
        self.client.force_login(self.cluster.editor)
        url = f"{FILES_URL}kl/0/"
        self.assertEqual(self.client.get(url, {"query": entry.msgid}).status_code, 200)
        self.client.post(url + f"?query={entry.msgid}", {rosetta_field(entry): "Aallaqqaasiut"})

        self.assertEqual(self.kalaallisut().find(entry.msgid).msgstr, "Aallaqqaasiut")
        coverage = interface_coverage("kl")
        self.assertEqual(coverage.translated, before + 1)
        report = self.client.get("/admin/localization/status/")
        self.assertContains(report, f"{coverage.translated} / {coverage.total}")
        with override_settings(LOCALE_PATHS=[self.catalogues]), translation.override("kl"):
            self.assertEqual(translation.gettext(entry.msgid), "Aallaqqaasiut")
            # An empty translation falls back to the English text.
            self.assertEqual(translation.gettext(still_empty.msgid), still_empty.msgid)
