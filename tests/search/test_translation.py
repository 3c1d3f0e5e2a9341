"""Reading the bilingual dictionaries, and search without them."""

from pathlib import Path
from unittest import mock

from django.test import override_settings

import pytest

from search import analysis, bilingual, translation

ENGLISH_NORWEGIAN = (
    "adjust //əˈd͡ʒʌst// <v>\n1. justere, korrigere\nto improve or rectify\n"
    "2. justere, stille\nto modify\n"
)
ENGLISH_FRENCH = "accustom /əkʌstəm/\n1. avoir coutume, avoir l'habitude de\n2. accoutumer\n"
ICELANDIC_ENGLISH = "agúrka /ˈaːɡurr#ɡa/ <n>\ncucumber\n"
GERMAN_ENGLISH = (
    "Abblättern /ˈapblˌɛtɜn/ <neut, n, sg>\nflaking <n>\n         Note: off, peeling <n>\n"
    "   Synonyms: {Abplatzen}, {Abschiefern}\n"
)


def test_an_entry_gives_its_senses_in_order_without_the_explanations():
    assert bilingual.translations_in(ENGLISH_NORWEGIAN) == ["justere", "korrigere", "stille"]
    # Renderings of more than two words explain rather than translate.
    assert bilingual.translations_in(ENGLISH_FRENCH) == ["avoir coutume", "accoutumer"]
    assert bilingual.translations_in(ICELANDIC_ENGLISH) == ["cucumber"]
    assert bilingual.translations_in(GERMAN_ENGLISH) == ["flaking"]


def test_dictd_offsets_are_base64_numbers():
    assert bilingual.b64_number("B") == 1
    assert bilingual.b64_number("BK") == 74
    assert bilingual.b64_number("EWMw") == 1139504


def test_a_compound_is_split_at_every_known_word_as_the_engines_do():
    known = frozenset({"isbjørn", "bjørn", "alarm"})
    assert analysis.compound_parts("Isbjørnalarmen", "nb", known) == ["isbjørn", "bjørn", "alarm"]
    assert analysis.compound_parts("alarm", "fr", known) == []  # French is not split
    assert analysis.compound_parts("bjørn", "nb", known) == ["bjørn"]  # as Lucene's filter


@pytest.mark.skipif(not bilingual.freedict_pairs(), reason="no FreeDict dictionaries here")
def test_the_installed_dictionaries_translate_both_ways_and_through_lemmas():
    assert "valross" in bilingual.translations("walrus", "en", "nb")
    assert "walrus" in bilingual.translations("valrossen", "nb", "en")
    assert "polar bear" in bilingual.translations("ísbjarnar", "is", "en")


def test_without_dictionaries_search_bridges_through_the_glossary_only(tmp_path, caplog):
    empty = Path(tmp_path)
    bilingual.clear()
    try:
        with (
            override_settings(SEARCH_DICTIONARIES_DIR=empty),
            mock.patch.object(bilingual, "DICTD", empty),
        ):
            assert not bilingual.available()
            assert translation.translations_of("walrus", "en", ["nb", "fr"]) == []
            assert analysis.analyze("isbjørnalarm", "nb") == ["isbjornalarm"]
            assert analysis.dictionary_parts("nb") == frozenset()
        said = [r for r in caplog.records if "No bilingual dictionaries" in r.getMessage()]
        assert len(said) == 1
    finally:
        bilingual.clear()
