"""The glossary page readers see at /<lang>/glossary/: every term with its names
in all languages and its definition in the reader's language.

Each name carries its own ``lang`` and, when it is an unreviewed or machine
translation, the provenance badge of the translation workflow. A definition
not yet translated is shown in the source language with a note saying so.
"""

import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page, Site

from knowledgebase.models import GlossaryTerm
from localization.provenance import Provenance, provenances_for

# Letters that follow z in a language's alphabet, in their order there.
LETTERS_AFTER_Z = {
    "da": "æøå",
    "nb": "æøå",
    "sv": "åäö",
    "fi": "åäö",
    "is": "þæö",
}
# Languages that write language names in lower case within a sentence.
LOWER_CASE_LANGUAGE_NAMES = {"fr", "nb", "sv", "fi", "da", "is"}


@dataclass
class Name:
    """A term's preferred label and synonyms in one language."""

    language: str
    language_name: str
    label: str
    synonyms: list
    provenance: Provenance | None = None


@dataclass
class Entry:
    key: str
    label: str
    label_language: str
    names: list
    definition: str = ""
    definition_language: str = ""
    definition_note: str = ""


@dataclass
class LetterGroup:
    letter: str
    entries: list = field(default_factory=list)


def native_name(language_code):
    return get_language_info(language_code)["name_local"]


def name_in_text(language_code):
    """A language's name, in the active language, to use within a sentence."""
    name = str(get_language_info(language_code)["name_translated"])
    return name.lower() if translation.get_language() in LOWER_CASE_LANGUAGE_NAMES else name


def collation_key(text, language):
    """Sort text as the language's alphabet does, closely enough for a glossary:
    case and accents are ignored, except letters the language places after z."""
    after_z = LETTERS_AFTER_Z.get(language, "")
    key = []
    for char in text.casefold():
        if char in after_z:
            key.append(chr(ord("z") + 1 + after_z.index(char)))
        else:
            key.append(unicodedata.normalize("NFD", char)[0])
    return "".join(key)


def first_letter(text, language):
    """The letter a label is listed under, e.g. 'É' under 'E' but 'Ø' under 'Ø' in Danish."""
    char = text.strip()[:1].casefold()
    if not char:
        return "#"
    if char not in LETTERS_AFTER_Z.get(language, ""):
        char = unicodedata.normalize("NFD", char)[0]
    return char.upper() if char.isalpha() else "#"


def published_languages(request):
    """The codes of the languages in which the request's site has a live home page."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    homes = Page.objects.live().filter(translation_key=site.root_page.translation_key)
    codes = set(homes.values_list("locale__language_code", flat=True))
    return [code for code, _name in settings.LANGUAGES if code in codes]


def glossary_urls(request, languages):
    """[(language code, absolute URL of the glossary in it)], for hreflang links."""
    urls = []
    for code in languages:
        with translation.override(code):
            urls.append((code, request.build_absolute_uri(reverse("glossary"))))
    return urls


def glossary_entries(reader_language):
    """Every term, named and defined for a reader of the language, sorted by its label."""
    source_language = Locale.get_default().language_code
    terms_by_key = GlossaryTerm.terms_by_key()
    all_terms = [term for terms in terms_by_key.values() for term in terms.values()]
    fallbacks = GlossaryTerm.fallback_fields(all_terms)
    provenances = provenances_for(all_terms)
    entries = []
    for key, terms in terms_by_key.items():
        own = {
            language: (term, fallbacks.get((term.translation_key, term.locale_id), set()))
            for language, term in terms.items()
        }
        names = [
            name_in(language, *own[language], provenances)
            for language, _name in settings.LANGUAGES
            if language in own
        ]
        names = [name for name in names if name is not None]
        if not names:
            continue
        shown = next((name for name in names if name.language == reader_language), None)
        shown = shown or next((n for n in names if n.language == source_language), names[0])
        entry = Entry(key=key, label=shown.label, label_language=shown.language, names=names)
        define(entry, own.get(reader_language), terms.get(source_language), reader_language)
        entries.append(entry)
    entries.sort(key=lambda entry: collation_key(entry.label, entry.label_language))
    return entries


def name_in(language, term, fallback_fields, provenances):
    """The term's names in its own language, or None when not even its label is translated."""
    own_names = term.own_names(fallback_fields)
    if not own_names:
        return None
    return Name(
        language=language,
        language_name=native_name(language),
        label=own_names[0],
        synonyms=own_names[1:],
        provenance=provenances.get((term.translation_key, term.locale_id)),
    )


def define(entry, own, source, reader_language):
    """The definition in the reader's language, or the source's with a note saying so."""
    if own is not None:
        term, fallback_fields = own
        if term.definition and "definition" not in fallback_fields:
            entry.definition, entry.definition_language = term.definition, reader_language
            return
    if source is not None and source.definition:
        entry.definition = source.definition
        entry.definition_language = source.locale.language_code
        entry.definition_note = _(
            # Translators: Readers see this on the glossary page under a definition not yet
            # translated: the placeholders are language names.
            "This definition is not translated into %(reader)s yet; it is shown in %(source)s."
        ) % {
            "reader": name_in_text(reader_language),
            "source": name_in_text(source.locale.language_code),
        }


def letter_groups(entries):
    """The sorted entries under their first letters, each letter once."""
    groups = {}
    for entry in entries:
        letter = first_letter(entry.label, entry.label_language)
        groups.setdefault(letter, LetterGroup(letter)).entries.append(entry)
    return list(groups.values())


@require_GET
def glossary_page(request):
    language = translation.get_language()
    languages = published_languages(request)
    if language not in languages:
        raise Http404("No glossary in this language")
    context = {
        "groups": letter_groups(glossary_entries(language)),
        "alternates": glossary_urls(request, languages),
    }
    return render(request, "knowledgebase/glossary.html", context)
