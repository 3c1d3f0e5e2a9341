"""Every part of a guide body reaches the translator, tables included."""

from django.test import TestCase

from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from tests import factories as f
from tests.conftest import build_tree, translate

TABLE = {
    "data": [["Ice thickness", "Safe load"], ["10 cm", "One person on foot"]],
    "first_row_is_table_header": True,
    "table_caption": "Loads on sea ice",
}
FRENCH = {
    "Ice thickness": "Épaisseur de la glace",
    "Safe load": "Charge sûre",
    "10 cm": "10 cm",
    "One person on foot": "Une personne à pied",
    "Loads on sea ice": "Charges sur la banquise",
    "Check the ice.": "Vérifiez la glace.",
}


class TranslatedTableTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        translate(tree.home, "fr")
        translate(tree.guides, "fr")
        cls.guide = f.GuidePageFactory(
            parent=tree.guides,
            body=[("paragraph", "<p>Check the ice.</p>"), ("table", TABLE)],
        )

    def test_table_cells_and_caption_are_translated(self):
        source, _created = TranslationSource.get_or_create_from_instance(self.guide)
        strings = {s.string.data for s in StringSegment.objects.filter(source=source)}
        self.assertTrue({"Ice thickness", "One person on foot", "Loads on sea ice"} <= strings)

        locale = f.LocaleFactory(language_code="fr")
        translation = Translation.objects.create(source=source, target_locale=locale)
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            StringTranslation.objects.create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                data=FRENCH.get(segment.string.data, segment.string.data),
                translation_type="manual",
            )
        with self.captureOnCommitCallbacks(execute=True):  # wagtail-localize publishes on commit
            translation.save_target(publish=True)

        french = self.guide.get_translation(locale).specific
        table = next(block.value for block in french.body if block.block_type == "table")
        self.assertEqual(table["data"][0], ["Épaisseur de la glace", "Charge sûre"])
        self.assertEqual(table["data"][1][1], "Une personne à pied")
        self.assertEqual(table["table_caption"], "Charges sur la banquise")
        html = self.client.get(french.url).content.decode()
        self.assertIn("Épaisseur de la glace", html)
