"""The Cluster sees, per language, what is translated, outdated or missing."""

import json
import shutil
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.models import Locale

import polib

from localization.coverage import interface_coverage
from localization.status import StatusReport
from tests import factories as f
from tests.conftest import build_tree

from .helpers import edit_and_publish, localize, publish, submit, translate_strings


class StatusTests(TestCase):
    """English source: home, 8 index pages, 3 guides, 1 lesson, 1 topic and 1 region (15).

    French: the home and index pages, two guides and the topic are translated; one
    of those guides changed in English since; the lesson is only an alias; the
    third guide and the region were never translated. Kalaallisut: nothing yet.
    """

    @classmethod
    def setUpTestData(cls):
        cls.tree = tree = build_tree()
        cls.guide = f.GuidePageFactory(parent=tree.guides, slug="sea-ice-travel")
        cls.changed_guide = f.GuidePageFactory(parent=tree.guides, slug="fuel", summary="Dry.")
        cls.untranslated_guide = f.GuidePageFactory(parent=tree.guides, slug="drones")
        cls.lesson = f.LessonPageFactory(parent=tree.lessons, slug="early-break-up")
        cls.topic = f.TopicFactory(key="sea-ice")
        cls.region = f.RegionFactory(key="svalbard")
        for page in vars(tree).values():
            localize(page, "fr")
        cls.french_guide = localize(cls.guide, "fr")
        localize(cls.changed_guide, "fr")
        localize(cls.topic, "fr")
        cls.lesson.copy_for_translation(Locale.objects.get(language_code="fr"), alias=True)
        edit_and_publish(cls.changed_guide, summary="Keep fuel dry and warm.")
        f.LocaleFactory(language_code="kl")

    def status(self, language_code):
        return StatusReport().for_locale(Locale.objects.get(language_code=language_code))

    def states(self, language_code):
        return {item.key: item.state for item in self.status(language_code).items}

    def item(self, key):
        return next(item for item in self.status("fr").items if item.key == key)

    def state_of(self, key):
        item = self.item(key)
        return item.state, item.reason

    def test_counts_per_locale(self):
        counts = {
            status.locale.language_code: status.counts() for status in StatusReport().all_locales()
        }
        self.assertEqual(
            counts,
            {
                "fr": {"translated": 11, "outdated": 1, "missing": 3, "total": 15},
                "kl": {"translated": 0, "outdated": 0, "missing": 15, "total": 15},
            },
        )

    def test_each_item_has_its_state(self):
        states = self.states("fr")
        self.assertEqual(states["sea-ice-travel"], "translated")
        self.assertEqual(states["sea-ice"], "translated")  # the topic
        self.assertEqual(states["fuel"], "outdated")
        self.assertEqual(states["drones"], "missing")
        self.assertEqual(states["early-break-up"], "missing")  # an alias is not a translation
        self.assertEqual(states["svalbard"], "missing")

    def test_which_guides_are_missing_in_kalaallisut(self):
        guides = self.status("kl").by_kind()["guide"]
        self.assertEqual(
            {guide.key: guide.state for guide in guides},
            {"sea-ice-travel": "missing", "fuel": "missing", "drones": "missing"},
        )

    def test_a_source_change_outdates_the_translation_until_synced_and_translated(self):
        self.assertEqual(self.state_of("fuel"), ("outdated", "source-changed"))
        translation = self.item("fuel").translation

        translation.source.update_from_db()  # "Sync translated pages" without publishing
        self.assertEqual(self.state_of("fuel"), ("outdated", "untranslated-strings"))

        translate_strings(translation, lambda text: f"FR {text}")
        self.assertEqual(self.state_of("fuel"), ("outdated", "not-published"))

        publish(translation)
        self.assertEqual(self.state_of("fuel"), ("translated", ""))

    def test_a_partly_translated_item_is_outdated(self):
        translation = submit(self.untranslated_guide, "fr")
        summary = self.untranslated_guide.summary
        translate_strings(translation, lambda text: None if text == summary else f"FR {text}")
        publish(translation)
        self.assertEqual(self.state_of("drones"), ("outdated", "untranslated-strings"))

    def test_command_prints_a_table_and_json(self):
        table = call("translation_status")
        self.assertRegex(table, r"fr\s+French\s+11\s+1\s+3\s+15")
        self.assertRegex(table, r"kl\s+Kalaallisut\s+0\s+0\s+15\s+15")

        data = json.loads(call("translation_status", locale="fr", json=True))
        french = data["locales"][0]
        self.assertEqual(data["source_locale"], "en")
        self.assertEqual((french["translated"], french["outdated"], french["missing"]), (11, 1, 3))
        self.assertEqual(
            french["by_type"]["guide"], {"translated": 1, "outdated": 1, "missing": 1, "total": 3}
        )
        fuel = next(item for item in french["items"] if item["key"] == "fuel")
        self.assertEqual((fuel["state"], fuel["reason"]), ("outdated", "source-changed"))

    def test_command_lists_outdated_and_missing_items_of_a_locale(self):
        output = call("translation_status", locale="fr")
        outdated, missing = output.split("Outdated (1):")[1].split("Missing (3):")
        self.assertIn("fuel", outdated)
        self.assertIn("the source text changed since the last sync", outdated)
        for key in ("drones", "early-break-up", "svalbard"):
            self.assertIn(key, missing)


class InterfaceCoverageTests(TestCase):
    def setUp(self):
        self.locale_dir = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.locale_dir)
        catalogue = polib.POFile()
        catalogue.append(polib.POEntry(msgid="Search", msgstr="Ujarlerit"))
        catalogue.append(polib.POEntry(msgid="Topics", msgstr="Sammisat", flags=["fuzzy"]))
        catalogue.append(polib.POEntry(msgid="Regions", msgstr=""))
        catalogue.append(polib.POEntry(msgid="Gone", msgstr="Peerpoq", obsolete=True))
        path = self.locale_dir / "kl" / "LC_MESSAGES" / "django.po"
        path.parent.mkdir(parents=True)
        catalogue.save(str(path))

    def test_fuzzy_counts_as_untranslated_and_obsolete_not_at_all(self):
        with override_settings(LOCALE_PATHS=[self.locale_dir]):
            coverage = interface_coverage("kl")
            self.assertEqual((coverage.translated, coverage.total, coverage.percent), (1, 3, 33))
            self.assertIsNone(interface_coverage("se"))

    def test_status_command_reports_interface_coverage(self):
        f.LocaleFactory(language_code="en")
        f.LocaleFactory(language_code="kl")
        f.LocaleFactory(language_code="se")
        with override_settings(LOCALE_PATHS=[self.locale_dir]):
            table = call("translation_status")
            data = json.loads(call("translation_status", json=True))
        self.assertRegex(table, r"kl\s+Kalaallisut.*1/3 \(33%\)")
        self.assertRegex(table, r"se\s+Northern Sámi.*no catalogue")
        interface = {entry["locale"]: entry["interface"] for entry in data["locales"]}
        self.assertEqual(
            interface, {"kl": {"translated": 1, "total": 3, "percent": 33}, "se": None}
        )


def call(name, **options):
    stdout = StringIO()
    call_command(name, stdout=stdout, **options)
    return stdout.getvalue()
