"""Editors' picks: pages editors pin to a search query (wagtail.contrib.search_promotions).

On the first page of a search, the picks for the normalised query come first,
on every engine, shown like any other result in the reader's language when the
item exists in it; a picked item is not repeated on any page. A pick is shown
only while its page is visible to every reader and its item is in the index, and only
when it fits the facets the reader chose.
External-link promotions have no item to show and are left out.

The picked items are read from the database copy of the index (the service's
``local_copy``), which is current with every change whatever the engine.
"""

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from knowledgebase.visibility import visible
from search import facets
from search.documents import shown_version
from search.engines.base import Hit
from search.insight import normalise_query
from search.keeping import kept_vocabulary


def arrange_picks(request, hits, copy):
    """(the picks to show first, the engine's hits without any picked item), the picks'
    documents read from ``copy``, the database copy of the index.

    Picks are shown first on page 1; no page lists a picked item among the other hits.
    """
    picks = editors_picks(request, copy)
    keys = {pick.document["translation_key"] for pick in picks}
    others = [hit for hit in hits if hit.document["translation_key"] not in keys]
    return (picks if request.page == 1 else []), others


def editors_picks(request, copy):
    """The Hits of the picks for a SearchRequest's query, in the editors' order."""
    if not request.query:
        return []
    page_ids = picked_pages().get(normalise_query(request.query))
    if not page_ids:
        return []
    keys = dict(visible(Page.objects.filter(pk__in=page_ids)).values_list("pk", "translation_key"))
    documents = copy.representatives(keys.values())
    preferred = request.preferred_languages()
    hits = []
    for page_id in dict.fromkeys(page_ids):
        document = documents.get(keys.get(page_id))
        if document and fits_filters(document, request.filters) and not picked(hits, document):
            hits.append(Hit(document=shown_version(document, preferred)))
    return hits


def picked_pages():
    """{normalised query: [page id, …] in the editors' order}, looked up once until
    the site's keeper says (most searches have no picks, and then need no query at all)."""

    def find():
        promotions = SearchPromotion.objects.filter(page__isnull=False).order_by("sort_order")
        pages = {}
        for query, page_id in promotions.values_list("query__query_string", "page_id"):
            pages.setdefault(query, []).append(page_id)
        return pages

    return kept_vocabulary("picks", find)


def picked(hits, document):
    return any(hit.document["translation_key"] == document["translation_key"] for hit in hits)


def fits_filters(document, filters):
    """Whether an item has one of the chosen values of every facet the reader filtered on."""
    for name, chosen in filters.items():
        values = document.get(facets.get(name).field)
        values = values if isinstance(values, list) else [values]
        if chosen and not set(chosen) & set(values):
            return False
    return True
