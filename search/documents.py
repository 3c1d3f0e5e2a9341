"""Pages -> index documents.

One document per live, public page per locale (guides, lessons, members,
legacy outputs). The *representative* document of a translation group (its
source-language version) also carries the text of every version, each in its
own per-language fields, and a small card (title, url, summary) per version.
Full-text search runs on representatives only, so every item is found once,
facet counts are exact document counts, and the version shown is picked from
the cards: the reader's language when it exists. The other documents serve
title suggestions as the reader types.
"""

from django.conf import settings
from django.utils import translation
from django.utils.text import normalize_newlines

from wagtail.blocks import StreamValue
from wagtail.models import Page
from wagtail.search import index

from knowledgebase import content_types
from knowledgebase.blocks import HeadingBlock
from knowledgebase.models import MemberPage, Region, Topic
from knowledgebase.visibility import visible
from search import analysis, facets
from search.analysis import lemma_forms

INDEXED_MODELS = content_types.models()
TEXT_FIELDS = ("title", "summary", "headings", "body")


def doc_id(translation_key, language_code):
    return f"{translation_key}-{language_code}"


def all_doc_ids(translation_key):
    return [doc_id(translation_key, code) for code, _name in settings.LANGUAGES]


def group_pages(translation_key):
    """The visible, really translated pages of a translation group, oldest first."""
    pages = (
        visible(Page.objects.filter(translation_key=translation_key, alias_of__isnull=True))
        .select_related("locale")
        .order_by("pk")
        .specific()
    )
    return [page for page in pages if isinstance(page, INDEXED_MODELS)]


def build_group_documents(translation_key):
    """The index documents of a translation group; [] when nothing in it is public."""
    pages = group_pages(translation_key)
    if not pages:
        return []
    source = pages[0]
    shared = {**group_facets(source, pages), **sort_dates(source)}
    versions = {
        page.locale.language_code: {
            "title": page.title,
            "url": page.get_url(),
            "summary": page.summary,
        }
        for page in pages
    }
    documents = [
        {
            "id": doc_id(translation_key, page.locale.language_code),
            "translation_key": str(translation_key),
            "locale": page.locale.language_code,
            "is_representative": page.pk == source.pk,
            "page_id": page.pk,
            **versions[page.locale.language_code],
            "suggest": page.title,
            "translations": sorted(versions),
            "versions": versions,
            **shared,
        }
        for page in pages
    ]
    representative = documents[0]
    representative.update(names_fields(facet_names(shared)))
    for page in pages:
        code = page.locale.language_code
        texts = page_texts(page)
        for name, value in texts.items():
            representative[f"{name}_{code}"] = value
        if code in analysis.LEMMATIZED:
            representative[f"lemmas_{code}"] = " ".join(lemma_forms(" ".join(texts.values()), code))
    return documents


def group_facets(source, pages):
    """The values of every facet (search/facets.py), shared by every version of a group:
    taken from the source version, or from all the group's versions."""
    values = {}
    for facet in facets.all_facets():
        value = facet.fill(source, pages)
        if facet.hierarchy is not None:
            value = expand_with_ancestors(facet.hierarchy, value)
        values[facet.field] = value
    return values


def sort_dates(page):
    """The dates results may be sorted by."""
    reviewed_on = page.reviewed_on()
    return {
        "published": page.published.isoformat(),
        "last_reviewed": reviewed_on.isoformat() if reviewed_on else None,
        # An event's last day: until then it ranks above past events (query.upcoming_bonus).
        "ends": ends.isoformat() if (ends := getattr(page, "last_day", None)) else None,
    }


def expand_with_ancestors(model, keys):
    """The keys plus every ancestor's key: a child counts under its parents."""
    parents = dict(model.objects.source().values_list("key", "parent__key"))
    expanded = []
    for key in keys:
        while key and key not in expanded:
            expanded.append(key)
            key = parents.get(key)
    return sorted(expanded)


def facet_names(values):
    """{language: names} of the group's topics and regions in each language, with its
    members' names (in every language they have) in each."""
    members = set(MemberPage.names_for_keys(values["members"]))
    names = {code: set(members) for code, _name in settings.LANGUAGES}
    for model, keys in ((Topic, values["topics"]), (Region, values["regions"])):
        rows = model.objects.filter(key__in=keys).values_list("name", "locale__language_code")
        for name, language in rows:
            names.setdefault(language, set(members)).add(name)
    return names


def names_fields(names):
    """``tags``: every name, so a reader finds an item by a topic's name in their language
    whatever its own; ``names_<language>``: the names in one language, which did-you-mean
    may correct to."""
    fields = {"tags": " ".join(sorted(set().union(*names.values())))}
    for code, _name in settings.LANGUAGES:  # the index has fields for these only
        fields[f"names_{code}"] = " ".join(sorted(names[code]))
    return fields


def page_texts(page):
    """Title, summary, headings and body text of one page, for full-text search.

    The text is what the page's ``search_fields`` give through Wagtail's own
    ``get_searchable_content`` hooks (rich text as plain text with words kept
    apart, choice values left out), with any label in the page's own language.
    """
    headings, body = [], []
    with translation.override(page.locale.language_code):
        for search_field in page.get_search_fields():
            if not isinstance(search_field, index.SearchField) or search_field.field_name in (
                "title",
                "summary",
            ):
                continue
            value = getattr(page, search_field.field_name, None)
            if isinstance(value, StreamValue):
                for block in value:
                    target = headings if isinstance(block.block, HeadingBlock) else body
                    target.extend(block.block.get_searchable_content(block.value))
            else:
                body.extend(searchable_strings(search_field.get_value(page)))
    return {
        "title": page.indexed_title,
        "summary": page.summary,
        "headings": clean(" \n".join(headings)),
        "body": clean(" \n".join(body)),
    }


def searchable_strings(value):
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value if item]


def clean(text):
    return " ".join(normalize_newlines(text).split())


def shown_version(document, preferred_languages):
    """A representative document as shown: its group's best version for the reader.

    The first preferred language the group exists in, otherwise the source.
    """
    versions = document["versions"]
    locale = next((code for code in preferred_languages if code in versions), document["locale"])
    return {**document, **versions[locale], "locale": locale}
