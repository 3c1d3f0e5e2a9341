"""Facet counts are exact, disjunctive within a facet and conjunctive across facets,
on OpenSearch and on the database engine alike."""

from tests.search.corpus import expected_counts, expected_total
from tests.search.engine import EngineTestCase

FILTER_CASES = [
    {},
    {"topic": ["fieldwork"]},
    {"topic": ["sea-ice", "permafrost"]},
    {"region": ["svalbard"], "type": ["guide"]},
    {"language": ["fr"]},
    {"member": ["interact"], "year": ["2024", "2025"]},
    {"topic": ["data"], "region": ["greenland", "antarctic"], "language": ["en"]},
]


class FacetTests:
    def counts(self, answer):
        return {
            name: {entry["value"]: entry["count"] for entry in entries if entry["count"]}
            for name, entries in answer["facets"].items()
        }

    def test_counts_equal_counts_computed_from_the_database(self):
        for filters in FILTER_CASES:
            with self.subTest(filters=filters):
                answer = self.api(**filters)
                self.assertEqual(answer["total"], expected_total(filters))
                self.assertEqual(self.counts(answer), expected_counts(filters))

    def test_selecting_a_topic_keeps_the_other_topics_counts(self):
        everything = self.counts(self.api())["topic"]
        selected = self.api(topic="sea-ice")
        self.assertEqual(self.counts(selected)["topic"], everything)
        entry = next(e for e in selected["facets"]["topic"] if e["value"] == "sea-ice")
        self.assertTrue(entry["selected"])
        self.assertEqual(selected["total"], everything["sea-ice"])

    def test_values_of_one_facet_are_alternatives_and_facets_combine(self):
        sea_ice = self.api(topic="sea-ice")["total"]
        permafrost = self.api(topic="permafrost")["total"]
        self.assertEqual(self.api(topic=["sea-ice", "permafrost"])["total"], sea_ice + permafrost)
        narrowed = self.api(topic=["sea-ice", "permafrost"], region="greenland")
        # the coring guide, the core archive and the Nunataryuk member page
        self.assertEqual(narrowed["total"], 3)

    def test_child_topic_counts_under_its_ancestors(self):
        titles = {r["title"] for r in self.api(topic="fieldwork", type="guide")["results"]}
        self.assertEqual(
            titles,
            {
                "Sea-ice travel safety",
                "Helicopter operations near glaciers",
                "Polar bear safety in field camps",
            },
        )
        counts = self.counts(self.api())
        self.assertEqual(counts["region"]["arctic"], expected_counts({})["region"]["arctic"])
        self.assertGreater(counts["region"]["arctic"], counts["region"]["svalbard"])

    def test_facet_labels_follow_the_reader_language(self):
        answer = self.api(lang="fr")
        languages = {e["value"]: e["label"] for e in answer["facets"]["language"]}
        self.assertEqual(languages["nb"], "Norsk (bokmål)")
        types = {e["value"]: e["label"] for e in answer["facets"]["type"]}
        self.assertEqual(types["guide"], "Guide")
        members = {e["value"]: e["label"] for e in answer["facets"]["member"]}
        self.assertEqual(members["arice"], "ARICE")

    def test_collapsed_results_never_repeat_an_item(self):
        answer = self.api()
        ids = [result["id"] for result in answer["results"]]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertEqual(answer["total"], expected_total({}))


class NodeFacetTests(FacetTests, EngineTestCase):
    """On the node of the engine under test (SEARCH_TEST_ENGINE)."""


class DatabaseFacetTests(FacetTests, EngineTestCase):
    engine_name = "database"
