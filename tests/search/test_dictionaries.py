"""Did-you-mean's word lists: hunspell dictionaries read as words plus suffix rules, and
corrections that are only the typed word again are no corrections."""

import logging
import tempfile
from pathlib import Path

from django.test import SimpleTestCase, override_settings

from search import dictionaries
from search.engines.base import real_correction

INSTALLED = any((Path(d) / "en_GB.dic").exists() for d in dictionaries.dictionary_dirs())

AFFIXES = """SET ISO8859-1
SFX S Y 2
SFX S   0     s          [^y]
SFX S   y     ies        y
SFX E Y 1
SFX E   0     en         .
"""


def write_dictionary(directory, name, words):
    (directory / f"{name}.aff").write_bytes(AFFIXES.encode("latin-1"))
    lines = [str(len(words)), *words]
    (directory / f"{name}.dic").write_bytes("\n".join(lines).encode("latin-1"))


class WordListTests(SimpleTestCase):
    def setUp(self):
        dictionaries.word_list.cache_clear()
        dictionaries.installed_languages.cache_clear()
        self.addCleanup(dictionaries.word_list.cache_clear)
        self.addCleanup(dictionaries.installed_languages.cache_clear)

    def test_words_are_known_with_the_suffixes_their_rules_add(self):
        with tempfile.TemporaryDirectory() as directory:
            write_dictionary(Path(directory), "nb_NO", ["isbjørn/E", "båt/S", "ferry/S"])
            with override_settings(SPELLING_DICTIONARY_DIRS=[directory], LANGUAGES=[("nb", "")]):
                for word in ("isbjørn", "Isbjørnen", "isbjornen", "båts", "ferries"):
                    with self.subTest(word):
                        self.assertTrue(dictionaries.is_known_word(word))
                for word in ("isbjørm", "båtene", "båtisbjørnx"):
                    with self.subTest(word):
                        self.assertFalse(dictionaries.is_known_word(word, "nb"))
                # A compound of known words, in the reader's language only.
                self.assertTrue(dictionaries.is_known_word("isbjørnbåts", "nb"))
                self.assertFalse(dictionaries.is_known_word("isbjørnbåts", "en"))

    def test_without_dictionaries_no_word_is_known_and_the_log_says_so_once(self):
        with override_settings(SPELLING_DICTIONARY_DIRS=["/nonexistent"]):
            with self.assertLogs("search.dictionaries", logging.INFO) as logs:
                self.assertFalse(dictionaries.is_known_word("kitchen"))
                self.assertFalse(dictionaries.is_known_word("helicopter"))
        self.assertEqual(len(logs.records), 1)
        self.assertIn("No spelling dictionary", logs.output[0])

    def test_the_installed_dictionaries_know_ordinary_words_of_several_languages(self):
        if not INSTALLED:
            self.skipTest("the hunspell dictionaries are not installed")
        words = ("boots", "kitchens", "grâce", "vente", "kysset", "hatten", "Spalten")
        for word in words:
            with self.subTest(word):
                self.assertTrue(dictionaries.is_known_word(word))
        compounds = [("de", "Messdaten"), ("de", "Forschungsfahrt"), ("nb", "feltstasjonen")]
        for language, word in compounds:
            with self.subTest(word):
                self.assertTrue(dictionaries.is_known_word(word, language))
        for typo in ("permafrsot", "avalanhce", "atterisage"):
            with self.subTest(typo):
                self.assertFalse(dictionaries.is_known_word(typo, "fr"))


class RealCorrectionTests(SimpleTestCase):
    @override_settings(SPELLING_DICTIONARY_DIRS=["/nonexistent"])
    def test_a_correction_that_is_only_the_word_stemmed_or_folded_is_none(self):
        dictionaries.installed_languages.cache_clear()
        self.addCleanup(dictionaries.installed_languages.cache_clear)
        self.assertIsNone(real_correction(["Hélicoptères"], "helicopteres"))
        self.assertIsNone(real_correction(["drills"], "drill"))
        self.assertIsNone(real_correction(["isbjørnen"], "isbjorn"))
        self.assertEqual(
            real_correction(["hélicoptère", "atterisage"], "helicoptere atterrissage"),
            "hélicoptère atterrissage",
        )
        self.assertIsNone(real_correction(["a", "b"], "c"))
