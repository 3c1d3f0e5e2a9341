"""Languages as readers meet them: lists sorted by the languages' own names, the
language an item is written in, and interface text shown in English where the
reader's language has no translation of it yet."""

import unicodedata
from functools import lru_cache

from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.translation import trans_real


def by_own_name(name):
    """A sort key for a language's own name, accents and case aside: "Íslenska" after
    "Français", "Suomi" after "Norsk"; names in other scripts after the Latin ones."""
    latin = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return (latin.casefold() or "\uffff", name)


def content_language(obj):
    """The language an item's text is written in; an untranslated alias has its source's."""
    if getattr(obj, "alias_of_id", None):
        obj = obj.alias_of
    return obj.locale.language_code


def lang_attribute(code):
    """` lang="xx"` when text in language ``code`` is on a page in another language, else ''."""
    if code == translation.get_language():
        return ""
    return format_html(' lang="{}"', code)


def untranslated_lang(message):
    """The interface's source language when ``message`` has no translation for the reader,
    else ''. Interface text falls back to English, and a page must say so (WCAG 3.1.2)."""
    language = translation.get_language()
    if language == settings.LANGUAGE_CODE or translation.gettext(message) != message:
        return ""
    return settings.LANGUAGE_CODE


def catalogue_entries(language):
    """The (message, translation) pairs of a language's compiled interface catalogue.

    Neither gettext nor Django offers a public way to list a catalogue: Django's own
    JavaScriptCatalog reads the same ``_catalog`` attribute. This is the one place that
    does; tests/knowledgebase/test_languages.py fails loudly if an upgrade removes it.
    """
    catalogue = getattr(trans_real.translation(language), "_catalog", None)
    if catalogue is None:
        raise RuntimeError("gettext no longer exposes a translation catalogue's entries")
    return catalogue.items()


@lru_cache(maxsize=32)
def _translated_texts(language):
    """Every translated interface text of a language (the catalogue's values)."""
    return frozenset(value for _key, value in catalogue_entries(language))


def is_fallback_text(text):
    """True for interface text shown in English because the reader's language lacks it."""
    language = translation.get_language()
    return (
        bool(text)
        and language != settings.LANGUAGE_CODE
        and (str(text) not in _translated_texts(language))
    )


def interface_text(text):
    """Interface text, wrapped in ``<span lang="en">`` where the reader's language has no
    translation of it yet, so that screen readers pronounce it as English.

    Use on translated text: ``{{ _("Search")|ui }}`` or ``{{ facet.title|ui }}``.
    """
    if is_fallback_text(text):
        return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, text)
    return conditional_escape(text)
