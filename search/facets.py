"""The facets of the search, declared once.

Each ``Facet`` says everything the search needs to know about one: its request
parameter and title, the index field holding its values, how a document takes
them from its page, which values a request may select, how values are labelled
in the reader's language and listed. The index mapping, the documents, the request
checks, both engines' filters and counts, the API and the search page all read
this registry, so a new facet is one ``register(Facet(...))``.

Facet values are stable keys, the same in every language (see DESIGN.md).
"""

import re
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from knowledgebase import content_types
from knowledgebase.models import MemberPage, Region, Topic
from knowledgebase.visibility import visible
from search.keeping import kept_vocabulary

# ASCII digits only: str.isdigit() and \d also accept "²" or "٢", which int() or the engine reject.
YEAR = re.compile(r"[0-9]{4}")


@dataclass(frozen=True, eq=False)  # compared (and hashed) as itself: the engines count by it
class Facet:
    key: str  # the request parameter and the key in the API's "facets"
    label: str  # the facet's title on the search page
    field: str  # the index field of its values (a keyword field, one value or a list)
    fill: Callable  # (source page, the group's visible pages) -> the document's value(s)
    valid_values: Callable  # () -> the values a request may select (anything with `in`)
    labels: Callable  # (language) -> {value: (label, the label's language)}
    hierarchy: type | None = None  # a taxonomy model: a value counts under its ancestors
    interface_labels: bool = False  # labels are interface strings (the site may reword them)
    by_value_descending: bool = False  # listed by value (years, newest first), not by count


_registry = {}


def register(facet):
    _registry[facet.key] = facet
    return facet


def unregister(key):
    _registry.pop(key, None)


def all_facets():
    return tuple(_registry.values())


def keys():
    return tuple(_registry)


def get(key):
    return _registry[key]


def fields():
    """The index fields of the facets, e.g. for the mapping."""
    return tuple(facet.field for facet in _registry.values())


# What the built-in facets read --------------------------------------------------


class FourDigitYears:
    """Any year written with four ASCII digits: a year no item has is no error."""

    def __contains__(self, value):
        return bool(YEAR.fullmatch(value))


def source_keys(model):
    return set(model.objects.filter(locale=Locale.get_default()).values_list("key", flat=True))


def member_keys():
    """The keys of the members readers may see."""
    members = MemberPage.objects.filter(locale=Locale.get_default(), alias_of=None)
    return set(visible(members).values_list("slug", flat=True))


def taxonomy_labels(model, language):
    """Labels in the language, or in the source language where not translated yet."""

    def build():
        locale = Locale.objects.filter(language_code=language).first() or Locale.get_default()
        return {
            item.key: (item.name, item.locale.language_code) for item in model.localized(locale)
        }

    return kept_vocabulary(f"labels:{model._meta.model_name}:{language}", build)


def member_labels(language):
    """Short names in the language where a member is translated, else in the source's."""

    def build():
        default = Locale.get_default()
        locale = Locale.objects.filter(language_code=language).first() or default
        keys = member_keys()
        labels = MemberPage.labels(keys, locale)
        translated = set(labels.items()) - set(MemberPage.labels(keys, default).items())
        return {
            key: (label, language if (key, label) in translated else default.language_code)
            for key, label in labels.items()
        }

    return kept_vocabulary(f"labels:member:{language}", build)


def type_labels(language):
    return {key: (label, language) for key, label in content_types.facet_labels().items()}


def language_labels(language):
    """Each language by its own name (a reader looks for their language as they write it)."""
    return {
        code: (get_language_info(code)["name_local"], code) for code, _name in settings.LANGUAGES
    }


def language_codes():
    return {code for code, _name in settings.LANGUAGES}


register(
    Facet(
        key="type",
        # Translators: Readers see this as the name of a filter in the search page's filter sidebar:
        # the type of item (guide, lesson…).
        label=_("Type"),
        field="type",
        fill=lambda source, pages: source.content_type_key,
        valid_values=lambda: set(content_types.KEYS),
        labels=type_labels,
        interface_labels=True,
    )
)
register(
    Facet(
        key="topic",
        # Translators: Readers see this as the name of a filter in the search page's filter sidebar.
        label=_("Topic"),
        field="topics",
        fill=lambda source, pages: source.topic_keys(),
        valid_values=lambda: source_keys(Topic),
        labels=lambda language: taxonomy_labels(Topic, language),
        hierarchy=Topic,
    )
)
register(
    Facet(
        key="region",
        # Translators: Readers see this as the name of a filter in the search page's filter sidebar:
        # Arctic, Antarctic….
        label=_("Region"),
        field="regions",
        fill=lambda source, pages: source.region_keys(),
        valid_values=lambda: source_keys(Region),
        labels=lambda language: taxonomy_labels(Region, language),
        hierarchy=Region,
    )
)
register(
    Facet(
        key="member",
        # Translators: Readers see this as the name of a filter in the search page's filter sidebar:
        # the project or organisation.
        label=_("Member"),
        field="members",
        fill=lambda source, pages: source.member_keys(),
        valid_values=member_keys,
        labels=member_labels,
    )
)
register(
    Facet(
        key="language",
        # Translators: Readers see this as the name of a filter in the search page's filter sidebar:
        # the item's language.
        label=_("Language"),
        field="translations",
        fill=lambda source, pages: sorted(page.locale.language_code for page in pages),
        valid_values=language_codes,
        labels=language_labels,
    )
)
register(
    Facet(
        key="year",
        # Translators: Readers see this as the name of a filter in the search page's filter sidebar:
        # the year of publication.
        label=_("Year"),
        field="year",
        fill=lambda source, pages: str(source.published.year),
        valid_values=FourDigitYears,
        labels=lambda language: {},
        by_value_descending=True,
    )
)
