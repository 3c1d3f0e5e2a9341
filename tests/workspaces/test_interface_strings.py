"""Translators and Cluster editors complete the kl, se and iu interface catalogues in the
browser (django-rosetta); an untranslated string shows readers the English text, never
an empty one, and the coverage in the translation status report follows."""

import difflib
import hashlib
import html
import re
import shutil
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import Client, TestCase, override_settings
from django.utils import translation

import polib

from localization.coverage import interface_coverage
from localization.templatetags.interface_strings import READERS_MARK
from tests import factories as f
from tests.conftest import translate

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

    def test_the_editor_shows_no_server_path_and_leads_back_to_the_admin(self):
        self.client.force_login(self.cluster.translator)
        for url in (FILES_URL, f"{FILES_URL}kl/0/"):
            with self.subTest(url):
                response = self.client.get(url)
                self.assertContains(response, "Polar Knowledge Base: interface strings")
                self.assertContains(response, 'href="/admin/"')
                page = response.content.decode()
                for path in (str(self.catalogues), str(settings.BASE_DIR)):
                    self.assertNotIn(path, page)

    def test_the_strings_readers_see_come_first_and_alone(self):
        catalogue = self.kalaallisut()
        readers = [e for e in catalogue if READERS_MARK in e.comment]
        self.assertGreater(len(readers), 100)
        admin_only = next(e for e in catalogue if not e.comment and e.msgid not in str(readers))
        self.client.force_login(self.cluster.translator)
        overview = self.client.get(FILES_URL).content.decode()
        first_link = re.search(r'href="([^"]*kl/0/[^"]*)"', overview).group(1)
        self.assertIn("query=Readers", first_link)
        translated = sum(1 for entry in readers if entry.translated())
        self.assertIn(f"{translated} / {len(readers)}", overview)

        pages, listed = 1, []
        while True:
            response = self.client.get(html.unescape(first_link), {"page": pages})
            listed += [e.msgid for e in readers if rosetta_field(e) in response.content.decode()]
            if f"page={pages + 1}" not in response.content.decode():
                break
            pages += 1
        self.assertEqual(sorted(listed), sorted(e.msgid for e in readers))
        self.assertNotIn(rosetta_field(admin_only), response.content.decode())

    def test_saving_one_string_changes_that_strings_lines_only(self):
        path = self.catalogues / "kl" / "LC_MESSAGES" / "django.po"
        before = path.read_text().splitlines()
        entry = self.kalaallisut().untranslated_entries()[0]
        self.client.force_login(self.cluster.translator)
        url = f"{FILES_URL}kl/0/?query={entry.msgid}"
        self.client.post(url, {rosetta_field(entry): "Aallaqqaasiut"})

        after = path.read_text().splitlines()
        changed = [
            line
            for line in difflib.unified_diff(before, after, lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))
        ]
        headers = ("Last-Translator", "PO-Revision-Date", "X-Translated-Using")
        self.assertEqual(
            [line for line in changed if not any(header in line for header in headers)],
            ['-msgstr ""', '+msgstr "Aallaqqaasiut"'],
        )

    def test_a_saved_string_reaches_readers_at_once_kept_pages_included(self):
        translate(self.cluster.tree.home, "kl")
        first = self.client.get("/kl/").content.decode()
        self.assertEqual(self.client.get("/kl/").content.decode(), first)  # a kept copy
        entry = next(
            e
            for e in self.kalaallisut().untranslated_entries()
            if any(path == "templates/base.html" for path, _line in e.occurrences)
            and f">{e.msgid}<" in first
        )
        editor = Client()
        editor.force_login(self.cluster.translator)
        editor.post(f"{FILES_URL}kl/0/?query={entry.msgid}", {rosetta_field(entry): "Nutaamik"})

        page = self.client.get("/kl/").content.decode()
        self.assertIn(">Nutaamik<", page)
        self.assertNotIn(f">{entry.msgid}<", page)
