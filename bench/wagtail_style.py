"""Facets the way plain Wagtail search computes them: one ``.facet(field)`` query per facet.

The documents are the IndexedDocument rows, seen through a proxy model that
declares Wagtail-style ``search_fields``: each row is one page version with
its own-language text (taken from its group's representative row, which holds
the text of every version), and the six facets are FilterFields. It is indexed and
queried through modelsearch's own OpenSearch 3 backend (the one Wagtail's
``wagtail.search.backends.opensearch3`` is), so mapping, analysis, query body
and ``.facet()`` are modelsearch's.

One shim: Wagtail applies filters through the ORM queryset, which needs real
columns or relations, while our facet values live in a JSON column. The query
compiler below adds the ``terms`` filters on the ``<field>_filter`` columns
that modelsearch itself emits for ``field__in=[...]`` on a FilterField.

What plain Wagtail does not do, and so neither does this: collapse translations
(counts are per language version, not per item), disjunctive counts (a facet
is counted with its own selection applied), and more than the top 10 values
per facet (``.facet()`` has no size).
"""

import time

from modelsearch.backends.opensearch3 import (
    OpenSearch3SearchBackend,
    OpenSearch3SearchQueryCompiler,
    OpenSearch3SearchResults,
)
from modelsearch.query import MATCH_ALL
from wagtail.search import index

from search.models import IndexedDocument
from search.query import PAGE_SIZE

INDEX_BATCH = 1000
# Facet name in the request -> FilterField of the proxy model.
FACET_FIELDS = {
    "topic": "topics",
    "member": "members",
    "type": "type",
    "region": "regions",
    "language": "locale",
    "year": "year",
}


class BenchPage(index.Indexed, IndexedDocument):
    """One page version as a plain Wagtail page model would index it."""

    search_fields = [
        index.SearchField("title", boost=4),
        index.AutocompleteField("title"),
        index.SearchField("own_summary", boost=2),
        index.SearchField("own_headings", boost=1.5),
        index.SearchField("own_body"),
        index.SearchField("tags", boost=1.5),
        *(index.FilterField(name) for name in FACET_FIELDS.values()),
    ]

    class Meta:
        proxy = True
        app_label = "search"  # a proxy needs an installed app; it adds no table

    group_data = None  # the representative's document, which holds every version's text

    def own_text(self, name):
        return self.group_data.get(f"{name}_{self.locale}", "")

    @property
    def own_summary(self):
        return self.own_text("summary")

    @property
    def own_headings(self):
        return self.own_text("headings")

    @property
    def own_body(self):
        return self.own_text("body")

    @property
    def tags(self):
        return self.group_data["tags"]

    @property
    def type(self):
        return self.facets["type"]

    @property
    def topics(self):
        return self.facets["topics"]

    @property
    def regions(self):
        return self.facets["regions"]

    @property
    def members(self):
        return self.facets["members"]

    @property
    def year(self):
        return self.facets["year"]


class FacetFilterQueryCompiler(OpenSearch3SearchQueryCompiler):
    def get_filters(self):
        filters = super().get_filters()
        for field_name, values in getattr(self.queryset, "facet_filters", {}).items():
            field = self._get_filterable_field(field_name)
            filters.append({"terms": {self.mapping.get_field_column_name(field): values}})
        return filters


class TimedResults(OpenSearch3SearchResults):
    """Keeps the engine's ``took`` of every request it sends."""

    tooks = []

    def _backend_do_search(self, body, **kwargs):
        response = super()._backend_do_search(body, **kwargs)
        TimedResults.tooks.append(response["took"])
        return response


class BenchBackend(OpenSearch3SearchBackend):
    query_compiler_class = FacetFilterQueryCompiler
    results_class = TimedResults


class WagtailStyle:
    def __init__(self, url, index_prefix, timeout):
        self.backend = BenchBackend(
            {"URLS": [url], "INDEX_PREFIX": index_prefix, "TIMEOUT": timeout}
        )
        self.index = self.backend.get_index_for_model(BenchPage)

    def build_index(self, progress=None):
        """Index every row through modelsearch's bulk path; returns (documents, seconds)."""
        started = time.perf_counter()
        self.index.reset()
        self.index.add_model(BenchPage)
        done, batch = 0, []
        rows = BenchPage.objects.order_by("translation_key", "-is_representative")
        for page in rows.iterator(chunk_size=INDEX_BATCH):
            if page.is_representative:  # it comes first in its group
                group_data = page.data
            page.group_data = group_data
            batch.append(page)
            if len(batch) == INDEX_BATCH:
                done += self.add(batch, progress, done)
                batch = []
        done += self.add(batch, progress, done)
        self.index.refresh()
        return done, time.perf_counter() - started

    def add(self, batch, progress, done):
        if batch:
            self.index.add_items(BenchPage, batch)
            if progress:
                progress(done + len(batch))
        return len(batch)

    def search(self, query):
        queryset = BenchPage.objects.all()
        queryset.facet_filters = {
            FACET_FIELDS[name]: values
            for name, values in query.params.items()
            if name in FACET_FIELDS
        }
        text = query.params.get("q", [""])[0]
        return self.backend.search(text or MATCH_ALL, queryset, operator="and")

    def run(self, query):
        """Six .facet() calls, then the page of results; timings in ms."""
        TimedResults.tooks = []
        started = time.perf_counter()
        results = self.search(query)
        facets = {name: results.facet(field) for name, field in FACET_FIELDS.items()}
        faceted = time.perf_counter()
        page = int(query.params["page"][0])
        hits = list(results[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])
        finished = time.perf_counter()
        return {
            "wall_ms": (faceted - started) * 1000,
            "with_page_ms": (finished - started) * 1000,
            "took_ms": sum(TimedResults.tooks[: len(FACET_FIELDS)]),
            "hits": len(hits),
            "facet_values": sum(len(counts) for counts in facets.values()),
        }

    def drop(self):
        self.index.delete()
