"""Concepts a query may name, in any language: glossary terms, topics and regions.

A query's words are matched, longest first, against every name (preferred
label and synonyms) of every concept in every language, comparing indexed
forms (search/analysis.py), so "isbjørnen" finds the glossary term whose
Norwegian label is "isbjørn". A matched concept brings its names in the other
languages into the search, at a lower weight than the reader's own words.

A concept only adds: each word of its name stays a unit of its own, which an
item matches by that word or by one of the concept's names. An item with
"bear" but not "polar" still counts the one word it has, as it would if
"polar bear" were not in the glossary.
"""

from dataclasses import dataclass

from django.conf import settings

from knowledgebase.models import GlossaryTerm, Region, Topic
from search.analysis import analyze
from search.keeping import kept_vocabulary
from search.translation import translations_of

LONGEST_NAME = 4  # words; longer names are not looked for in queries
NAMES_PER_CONCEPT = 8  # other-language names brought in for one concept, preferred first


@dataclass(frozen=True)
class Unit:
    """A word of the query, with the names in other languages of the concept it is
    part of, as ((language, name), ...), or, for a word that names no concept, its
    dictionary translations in the same shape (search/translation.py)."""

    words: tuple
    expansions: tuple = ()
    concept: tuple = ()  # the concept's name as typed, if the word is part of one
    translations: tuple = ()

    @property
    def name_share(self):
        """The share of a concept name's weight this word's unit carries: a name found
        counts once for the concept, however many words its name has."""
        return 1 / len(self.concept) if self.concept else 1


def concept_names():
    """[{language: [names]}] for every glossary term, topic and region."""
    concepts = list(GlossaryTerm.names_by_key().values())
    for model in (Topic, Region):
        by_key = {}
        rows = model.objects.values_list("key", "name", "locale__language_code")
        for key, name, language in rows:
            by_key.setdefault(key, {}).setdefault(language, []).append(name)
        concepts.extend(by_key.values())
    return concepts


def build_lookup():
    """{(language, indexed forms of a name): concept number} and the concepts."""
    concepts = concept_names()
    lookup = {}
    for number, names in enumerate(concepts):
        for language, language_names in names.items():
            for name in language_names:
                forms = tuple(analyze(name, language, decompound=False))
                if 0 < len(forms) <= LONGEST_NAME:
                    lookup.setdefault((language, forms), number)
    return {"lookup": lookup, "concepts": concepts}


def concept_lookup():
    return kept_vocabulary("concepts", build_lookup)


def find_concept(words, lookup, languages):
    for language in languages:
        forms = tuple(analyze(" ".join(words), language, decompound=False))
        if forms and (language, forms) in lookup:
            return lookup[(language, forms)]
    return None


def units_for(words, max_expansions, language=settings.LANGUAGE_CODE):
    """One unit per word; the words of a concept's name (longest names first) share
    its names in other languages, within ``max_expansions`` names in all; a word that
    names no concept brings its translations from the reader's language."""
    found = concept_lookup()
    languages = [code for code, _name in settings.LANGUAGES]
    units, start, budget = [], 0, max_expansions
    translation_budget = max_expansions
    while start < len(words):
        for length in range(min(LONGEST_NAME, len(words) - start), 0, -1):
            span = tuple(words[start : start + length])
            number = find_concept(span, found["lookup"], languages)
            if number is not None:
                names = other_names(found["concepts"][number], span)
                # Each word carries the names: count them once per word.
                expansions = tuple(names[: min(budget // length, NAMES_PER_CONCEPT)])
                budget -= len(expansions) * length
                units.extend(Unit((word,), expansions, concept=span) for word in span)
                break
        else:
            span = (words[start],)
            translations = translations_of(words[start], language, languages)
            translations = translations[: max(translation_budget, 0)]
            translation_budget -= len(translations)
            units.append(Unit(span, translations=tuple(translations)))
        start += len(span)
    return units


def other_names(names, typed):
    """(language, name) of each name that is not just the typed words again, as that
    language's fields index them: "hélicoptère" is "helicopter" in French, and the
    typed "helicopter" is "helicopt" there, so the French name is looked for too."""
    text = " ".join(typed)
    ranked = sorted(
        (position, language, name)
        for language, language_names in names.items()
        for position, name in enumerate(language_names)  # preferred labels first
        if analyze(name, language, False) != analyze(text, language, False)
    )
    return [(language, name) for _position, language, name in ranked]
