"""A facet is one entry in the registry (search/facets.py): registered there and nowhere
else, a new facet is indexed, filtered on, counted, checked and shown by the API and
the search page, on the node and on the database engine alike."""

import re
from collections import Counter

from django.test import SimpleTestCase

from search import facets, mapping
from tests.search.corpus import visible_groups
from tests.search.engine import EngineTestCase

MONTHS = {f"{year}-{month:02d}" for year in range(1990, 2040) for month in range(1, 13)}
PUBLISHED_MONTH = facets.Facet(
    key="month",
    label="Month published",
    field="published_month",
    fill=lambda source, pages: source.published.strftime("%Y-%m"),
    valid_values=lambda: MONTHS,
    labels=lambda language: {},
)


def months_of_items(**kinds):
    """{month: items} worked out from the pages, not from the index."""
    return Counter(
        source.published.strftime("%Y-%m")
        for source, _languages in visible_groups().values()
        if not kinds or source.content_type_key in kinds["type"]
    )


class ThrowawayFacetTests:
    @classmethod
    def setUpClass(cls):
        facets.register(PUBLISHED_MONTH)  # before the corpus is indexed
        cls.addClassCleanup(facets.unregister, PUBLISHED_MONTH.key)
        super().setUpClass()

    def counts(self, answer):
        return {e["value"]: e["count"] for e in answer["facets"]["month"] if e["count"]}

    def busiest_month(self, **kinds):
        return months_of_items(**kinds).most_common(1)[0][0]

    def test_every_month_is_counted(self):
        expected = months_of_items()
        self.assertGreater(len(expected), 3)
        self.assertEqual(self.counts(self.api()), dict(expected))

    def test_a_month_filters_the_results(self):
        month = self.busiest_month()
        answer = self.api(month=month)
        self.assertEqual(answer["total"], months_of_items()[month])
        self.assertTrue(all(r["published"].startswith(month) for r in answer["results"]))
        selected = [e["value"] for e in answer["facets"]["month"] if e["selected"]]
        self.assertEqual(selected, [month])

    def test_counts_are_disjunctive_and_combine_with_other_facets(self):
        month = self.busiest_month(type=["guide"])
        answer = self.api(month=month, type="guide")
        guides = months_of_items(type=["guide"])
        self.assertEqual(answer["total"], guides[month])
        types = {e["value"]: e["count"] for e in answer["facets"]["type"]}
        self.assertEqual(types["guide"], guides[month])  # the types in that month
        self.assertEqual(self.counts(answer), dict(guides))  # every month, among guides

    def test_an_unknown_value_is_a_bad_request(self):
        response = self.client.get("/api/search/", {"month": "2024-13"})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["field"], "month")

    def test_the_search_page_offers_and_applies_it(self):
        month = self.busiest_month()
        response = self.client.get("/en/search/", {"month": month})
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn("<legend>Month published</legend>", html)
        self.assertIn(f'name="month" value="{month}" checked', html)
        shown = re.search(r"(\d+) results?", html)
        self.assertEqual(int(shown.group(1)), months_of_items()[month])


class NodeThrowawayFacetTests(ThrowawayFacetTests, EngineTestCase):
    """On the node of the engine under test (SEARCH_TEST_ENGINE)."""


class DatabaseThrowawayFacetTests(ThrowawayFacetTests, EngineTestCase):
    engine_name = "database"


class RegistryTests(SimpleTestCase):
    def test_unregistered_the_facet_leaves_the_index_and_the_requests(self):
        facets.register(PUBLISHED_MONTH)
        self.assertIn("published_month", mapping.properties())
        self.assertIn("month", facets.keys())
        facets.unregister(PUBLISHED_MONTH.key)
        self.assertNotIn("published_month", mapping.properties())
        self.assertNotIn("month", facets.keys())

    def test_the_built_in_facets_keep_the_api_names(self):
        self.assertEqual(
            sorted(facets.keys()), ["language", "member", "region", "topic", "type", "year"]
        )
