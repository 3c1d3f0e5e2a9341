"""Readers see how a translation was made, for as long as its text stays the same."""

import datetime

from django.template import Context, Template
from django.test import TestCase
from django.utils import translation

from wagtail.models import Locale

from localization.models import ProvenanceMethod
from localization.provenance import record_provenance
from tests import factories as f
from tests.conftest import build_tree

from .helpers import edit_and_publish, localize, sync, translate_strings, translated


def badge(page):
    template = Template("{% load localization_tags %}{% translation_badge page %}")
    with translation.override(page.locale.language_code):
        return template.render(Context({"page": page})).strip()


class ProvenanceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = tree = build_tree()
        cls.guide = f.GuidePageFactory(parent=tree.guides, summary="Go slow.")
        for page in (tree.home, tree.guides):
            localize(page, "kl")
        cls.kalaallisut = localize(cls.guide, "kl")
        cls.lesson = f.LessonPageFactory(parent=tree.lessons)
        cls.lesson_alias = cls.lesson.copy_for_translation(
            Locale.objects.get(language_code="kl"), copy_parents=True, alias=True
        )

    def translated_guide(self):
        return translated(self.kalaallisut)

    def test_recorded_provenance_is_shown_to_readers(self):
        record_provenance(self.translated_guide(), ProvenanceMethod.HUMAN, "Aviaja Lynge")
        self.assertEqual(
            badge(self.translated_guide()),
            # Kalaallisut has no translation of the label yet: English, and marked so.
            '<p class="provenance provenance-human" lang="en">Translated by Aviaja Lynge</p>',
        )
        record_provenance(self.translated_guide(), ProvenanceMethod.COMMUNITY_REVIEWED)
        self.assertEqual(
            badge(self.translated_guide()),
            '<p class="provenance provenance-community-reviewed" lang="en">'
            "Translation reviewed by the community</p>",
        )

    def test_originals_aliases_and_unknown_provenance_show_nothing(self):
        self.assertEqual(badge(self.guide), "")
        self.assertEqual(badge(self.lesson_alias), "")
        self.assertEqual(badge(self.translated_guide()), "")  # translated by hand, not recorded

    def test_machine_translations_are_marked_by_default(self):
        source = f.GuidePageFactory(parent=self.tree.guides, slug="machine-made")
        machine_made = localize(source, "kl", machine=True)
        self.assertEqual(
            badge(translated(machine_made)),
            '<p class="provenance provenance-machine" lang="en">'
            "Machine translation — not yet reviewed</p>\n"
            # It links its original and the page's feedback form.
            '<p class="machine-translation"><a href="/en/guides/machine-made/" hreflang="en" '
            'lang="en">Read the original in English</a> · '
            '<a href="?feedback=translation#feedback-comment">'
            '<span lang="en">Report a problem with this translation</span></a></p>',
        )

    def test_provenance_survives_a_sync_that_leaves_the_text_alone(self):
        record_provenance(self.translated_guide(), ProvenanceMethod.HUMAN, "Aviaja Lynge")
        edit_and_publish(self.guide, published=datetime.date(2025, 3, 1))
        sync(self.guide)
        self.assertEqual(self.translated_guide().published, datetime.date(2025, 3, 1))
        self.assertIn("Translated by Aviaja Lynge", badge(self.translated_guide()))

    def test_provenance_is_reset_when_a_sync_changes_the_text(self):
        record_provenance(self.translated_guide(), ProvenanceMethod.COMMUNITY_REVIEWED)
        edit_and_publish(self.guide, summary="Go slow and test the ice.")
        sync(self.guide)
        self.assertEqual(badge(self.translated_guide()), "")

        new_text = "Go slow and test the ice."
        translate_strings(
            self.kalaallisut, lambda text: f"KL {text}" if text == new_text else None, machine=True
        )
        sync(self.guide)
        self.assertEqual(self.translated_guide().summary, "KL Go slow and test the ice.")
        self.assertEqual(badge(self.translated_guide()), "")  # part human, part machine: unknown
