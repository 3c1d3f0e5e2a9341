"""Query translation: a query word's translations in the site's other languages, from
bilingual dictionaries (search/bilingual.py), so a question finds items that exist
only in another language even where the glossary names no concept of it.

Only translations the index uses are kept (a word no document has cannot find
anything, and dictionaries list many rare senses), first senses first and one of
each language before a second. Words in neither English nor the reader's language
are reached through English. The search looks for them at a lower weight than the
reader's own words (query.TRANSLATION_BOOST).
"""

from itertools import zip_longest

from search import bilingual
from search.analysis import analyze
from search.keeping import kept_vocabulary
from search.models import IndexedDocument

PIVOT = "en"  # every dictionary translates to or from English
TRANSLATIONS_PER_WORD = 6


def indexed_forms():
    """Every indexed form of every item (the index's vocabulary, all languages)."""

    def build():
        forms = set()
        rows = IndexedDocument.objects.filter(is_representative=True)
        for text in rows.values_list("search_text", flat=True).iterator():
            forms.update(text.split())
        return forms

    return kept_vocabulary("indexed-forms", build)


def in_index(name, language, forms):
    tokens = analyze(name, language, decompound=False)
    return bool(tokens) and all(token in forms for token in tokens)


def translations_of(word, language, languages):
    """[(language, translation)] of a word of the reader's language, at most
    TRANSLATIONS_PER_WORD, each used by some item and none the typed word again."""
    if not bilingual.available():
        return []
    if language == PIVOT:
        pivots, by_language = [word], {}
    else:
        pivots = bilingual.translations(word, language, PIVOT)
        by_language = {PIVOT: pivots}
    for target in languages:
        if target not in (language, PIVOT):
            by_language[target] = [
                found for pivot in pivots for found in bilingual.translations(pivot, PIVOT, target)
            ]
    forms = indexed_forms()
    kept = {
        target: [
            found
            for found in dict.fromkeys(candidates)
            if in_index(found, target, forms) and not typed_again(word, found, target)
        ]
        for target, candidates in by_language.items()
    }
    ranked = zip_longest(*([(target, found) for found in names] for target, names in kept.items()))
    return [pair for rank in ranked for pair in rank if pair][:TRANSLATIONS_PER_WORD]


def typed_again(word, translation, language):
    """True when the translation is the typed word as that language indexes it: the
    typed word finds it already."""
    return analyze(translation, language, False) == analyze(word, language, False)
