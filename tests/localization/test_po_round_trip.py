"""Translators export PO files, translate offline and send them back."""

import shutil
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase

from wagtail_localize.models import Translation

import polib

from knowledgebase import models as kb
from tests import factories as f
from tests.conftest import build_tree

from .helpers import localize, translated


class POFilesTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = tree = build_tree()
        cls.guide = f.GuidePageFactory(
            parent=tree.guides, title="Sea-ice travel", slug="sea-ice-travel", summary="Go slow."
        )
        cls.other_guide = f.GuidePageFactory(
            parent=tree.guides, title="Fuel drums", slug="fuel-drums", summary="Keep them dry."
        )
        cls.topic = f.TopicFactory(key="sea-ice", name="Sea ice")
        for page in (tree.home, tree.guides):
            localize(page, "fr")
        cls.french = localize(cls.guide, "fr")
        cls.other_french = localize(cls.other_guide, "fr")
        cls.topic_french = localize(cls.topic, "fr")
        localize(tree.home, "de")
        cls.german = localize(cls.guide, "de")
        f.LocaleFactory(language_code="kl")  # nothing translated yet

    def setUp(self):
        self.out = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.out)

    def call(self, name, *args, **options):
        stdout = StringIO()
        call_command(name, *args, stdout=stdout, stderr=StringIO(), **options)
        return stdout.getvalue()

    def export(self, language_code="fr", **options):
        self.call("export_translations", locale=language_code, out=str(self.out), **options)
        return {path.name: path for path in self.out.glob("*.po")}

    def edit(self, path, translations):
        """Play the translator: replace msgstr of the given msgids."""
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid in translations:
                entry.msgstr = translations[entry.msgid]
        po.save(str(path))
        return path

    def french_guide(self):
        return kb.GuidePage.objects.get(locale__language_code="fr", pk=translated(self.french).pk)


class ExportTests(POFilesTestCase):
    def test_one_readably_named_file_per_translation(self):
        files = self.export()
        self.assertEqual(
            sorted(files),
            [
                "guide-fuel-drums.fr.po",
                "guide-sea-ice-travel.fr.po",
                "home-home.fr.po",
                "index-guides.fr.po",
                "topic-sea-ice.fr.po",
            ],
        )
        po = polib.pofile(str(files["guide-sea-ice-travel.fr.po"]))
        self.assertEqual(po.metadata["X-WagtailLocalize-TranslationID"], str(self.french.uuid))
        self.assertEqual(po.metadata["Language"], "fr")
        self.assertIn(("Go slow.", "FR Go slow."), [(e.msgid, e.msgstr) for e in po])

    def test_export_carries_the_current_source_text(self):
        self.guide.summary = "Go slow and test the ice."
        self.guide.save_revision().publish()
        files = self.export()
        po = polib.pofile(str(files["guide-sea-ice-travel.fr.po"]))
        self.assertIn(("Go slow and test the ice.", ""), [(e.msgid, e.msgstr) for e in po])

    def test_missing_only_keeps_only_untranslated_strings(self):
        self.guide.summary = "Go slow and test the ice."
        self.guide.save_revision().publish()
        files = self.export(missing_only=True)
        self.assertEqual(list(files), ["guide-sea-ice-travel.fr.po"])
        po = polib.pofile(str(files["guide-sea-ice-travel.fr.po"]))
        self.assertEqual([e.msgid for e in po], ["Go slow and test the ice."])

    def test_all_submits_every_untranslated_item_without_creating_pages(self):
        files = self.export("kl", include_all=True)
        self.assertIn("guide-sea-ice-travel.kl.po", files)
        self.assertIn("topic-sea-ice.kl.po", files)
        self.assertEqual(len(files), 12)  # home, 8 index pages, 2 guides and the topic
        self.assertFalse(kb.GuidePage.objects.filter(locale__language_code="kl").exists())

    def test_without_all_nothing_to_export_says_how_to_start(self):
        output = self.call("export_translations", locale="kl", out=str(self.out))
        self.assertIn("Nothing to export", output)
        self.assertIn("--all", output)

    def test_source_language_and_unknown_locales_are_refused(self):
        for code, message in (("en", "source language"), ("xx", "Unknown locale")):
            with self.subTest(code=code), self.assertRaisesMessage(CommandError, message):
                self.export(code)


class ImportTests(POFilesTestCase):
    def test_round_trip_changes_the_translated_page_and_only_it(self):
        files = self.export()
        untouched = {
            "other french guide": translated(self.other_french).latest_revision_id,
            "german guide": translated(self.german).latest_revision_id,
            "english guide": self.guide.latest_revision_id,
        }
        self.edit(files["guide-sea-ice-travel.fr.po"], {"Go slow.": "Allez doucement."})

        output = self.call("import_translations", str(self.out))

        self.assertEqual(self.french_guide().summary, "Allez doucement.")
        self.assertTrue(self.french_guide().live)
        self.assertIn("guide-sea-ice-travel.fr.po", output)
        self.assertIn("0 added, 1 changed", output)
        self.assertIn("page updated", output)
        self.assertEqual(
            untouched,
            {
                "other french guide": translated(self.other_french).latest_revision_id,
                "german guide": translated(self.german).latest_revision_id,
                "english guide": kb.GuidePage.objects.get(pk=self.guide.pk).latest_revision_id,
            },
        )

    def test_importing_into_an_untranslated_item_creates_it(self):
        files = self.export("kl", include_all=True)
        self.edit(files["topic-sea-ice.kl.po"], {"Sea ice": "Siku"})
        output = self.call("import_translations", str(files["topic-sea-ice.kl.po"]))
        self.assertEqual(
            kb.Topic.objects.get(locale__language_code="kl", key="sea-ice").name, "Siku"
        )
        self.assertIn("1 added", output)
        self.assertIn("snippet created", output)

    def test_fuzzy_entries_are_not_imported(self):
        path = self.export()["guide-sea-ice-travel.fr.po"]
        po = polib.pofile(str(path))
        entry = po.find("Go slow.")
        entry.msgstr, entry.flags = "Peut-être ?", ["fuzzy"]
        po.save(str(path))
        output = self.call("import_translations", str(path))
        self.assertEqual(self.french_guide().summary, "FR Go slow.")
        self.assertIn("1 fuzzy skipped", output)


class RejectedImportTests(POFilesTestCase):
    def assert_rejected(self, paths, message):
        before = self.french_guide().summary, self.french_guide().latest_revision_id
        with self.assertRaises(CommandError) as raised:
            self.call("import_translations", *map(str, paths))
        self.assertIn("Nothing was imported", str(raised.exception))
        self.assertIn(message, str(raised.exception))
        after = self.french_guide().summary, self.french_guide().latest_revision_id
        self.assertEqual(before, after)

    def test_a_malformed_file_rejects_the_whole_batch(self):
        files = self.export()
        good = self.edit(files["guide-sea-ice-travel.fr.po"], {"Go slow.": "Allez doucement."})
        broken = files["guide-fuel-drums.fr.po"]
        text = broken.read_text(encoding="utf-8")
        broken.write_text(text + "Gardez-les au sec, sans guillemets\n", encoding="utf-8")
        self.assert_rejected([good, broken], "guide-fuel-drums.fr.po: not a valid PO file")

    def test_mismatched_files_are_rejected_with_the_reason(self):
        files = self.export()
        good = self.edit(files["guide-sea-ice-travel.fr.po"], {"Go slow.": "Allez doucement."})
        cases = {
            "no X-WagtailLocalize-TranslationID header": lambda po: po.metadata.pop(
                "X-WagtailLocalize-TranslationID"
            ),
            "no translation with ID": lambda po: po.metadata.update(
                {"X-WagtailLocalize-TranslationID": "00000000-0000-0000-0000-000000000000"}
            ),
            "the file is in 'de'": lambda po: po.metadata.update({"Language": "de"}),
            "is not in the current text": lambda po: po.append(
                polib.POEntry(msgid="Never written", msgctxt="summary", msgstr="Jamais")
            ),
            "tag is not allowed": lambda po: setattr(
                po.find("Keep them dry."), "msgstr", "<div>Au sec</div>"
            ),
        }
        for message, spoil in cases.items():
            with self.subTest(message):
                po = polib.pofile(str(files["guide-fuel-drums.fr.po"]))
                spoil(po)
                bad = self.out / "spoiled.fr.po"
                po.save(str(bad))
                self.assert_rejected([good, bad], message)

    def test_two_files_for_one_translation_are_rejected(self):
        path = self.export()["guide-sea-ice-travel.fr.po"]
        copy = self.out / "copy.fr.po"
        shutil.copy(path, copy)
        self.assert_rejected([path, copy], "same translation as")

    def test_a_missing_file_is_rejected(self):
        self.assert_rejected([self.out / "nowhere.fr.po"], "file not found")

    def test_a_translation_no_longer_synced_is_rejected(self):
        path = self.export()["guide-sea-ice-travel.fr.po"]
        Translation.objects.filter(pk=self.french.pk).update(enabled=False)
        self.assert_rejected([path], "no longer synced")
