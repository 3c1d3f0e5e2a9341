"""The relevance collection loads as written, and its judged queries are well-formed.

Both run on the database only: the collection is judged by reading the items,
never by asking an engine.
"""

from collections import Counter

from django.test import TestCase

from wagtail.models import Page

import pytest

from knowledgebase import models as kb
from search.concepts import units_for
from search.query import SearchRequest
from tests.search.relevance.loader import (
    CORPUS_PATH,
    CollectionError,
    load_collection,
    load_queries,
    load_questions,
    read_yaml,
)

CORPUS = read_yaml(CORPUS_PATH)
QUERIES = load_queries()
QUESTIONS = load_questions()
QUESTION_CLASSES = {"cross-language", "compounds", "typos", "filters", "plain"}
COMPOUNDING_LANGUAGES = {"nb", "da", "sv", "de", "fi", "is"}
MODELS = {"guide": kb.GuidePage, "lesson": kb.LessonPage, "output": kb.OutputPage}
COVERAGE_KINDS = {
    "cross-field",
    "inflection",
    "typo",
    "stop-words",
    "question",
    "ancestor-filter",
    "cross-language",
    "kl",
    "se",
    "no-answer",
}


def corpus_entries():
    """(key, model, entry) for every member and item of the corpus."""
    entries = [(member["key"], kb.MemberPage, member) for member in CORPUS["members"]]
    entries += [(item["key"], MODELS[item["type"]], item) for item in CORPUS["items"]]
    return entries


ENTRIES = {key: entry for key, _model, entry in corpus_entries()}


TAXONOMY_FILTERS = {"topic": "topics", "region": "regions"}


def descendants(taxonomy, key):
    """The key and every key below it in the corpus's topics or regions."""
    children = {}
    for node in CORPUS[taxonomy]:
        children.setdefault(node.get("parent"), []).append(node["key"])
    keys, frontier = {key}, [key]
    while frontier:
        frontier = [child for parent in frontier for child in children.get(parent, [])]
        keys.update(frontier)
    return keys


def matches_filters(entry, filters):
    """Whether an item passes a query's filters, a topic or region including its children."""
    for facet, taxonomy in TAXONOMY_FILTERS.items():
        if facet in filters:
            wanted = set().union(*(descendants(taxonomy, value) for value in filters[facet]))
            if not wanted & set(entry.get(taxonomy, [])):
                return False
    checks = {
        "member": lambda values: set(values) & set(entry.get("members", [])),
        "type": lambda values: entry.get("type", "member") in values,
        "language": lambda values: set(values) & set(entry["versions"]),
        "year": lambda values: str(entry["published"])[:4] in map(str, values),
    }
    return all(checks[facet](values) for facet, values in filters.items() if facet in checks)


class CollectionLoadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.keys = load_collection()

    def pages(self, model, key):
        return {
            page.locale.language_code: page
            for page in model.objects.filter(translation_key=self.keys[key]).select_related(
                "locale"
            )
        }

    def test_every_item_is_live_in_each_of_its_languages_with_its_title(self):
        for key, model, entry in corpus_entries():
            with self.subTest(key):
                pages = self.pages(model, key)
                self.assertEqual(set(pages), set(entry["versions"]))
                for code, version in entry["versions"].items():
                    self.assertEqual(pages[code].title, version["title"])
                    self.assertTrue(pages[code].live)

    def test_an_item_written_in_norwegian_only_has_no_english_page(self):
        pages = self.pages(kb.GuidePage, "snoscooter-sjois")
        self.assertEqual(list(pages), ["nb"])
        parent = pages["nb"].get_parent()
        self.assertEqual(parent.locale.language_code, "nb")
        self.assertEqual(parent.specific_class, kb.GuideIndexPage)

    def test_every_page_lives_in_the_tree_of_its_language(self):
        for page in Page.objects.filter(depth__gt=2).select_related("locale"):
            with self.subTest(page.title):
                self.assertEqual(page.get_parent().locale_id, page.locale_id)

    def test_translations_keep_the_sources_classification(self):
        for code in ("en", "nb", "fr", "de"):
            page = self.pages(kb.GuidePage, "polar-bear-camp")[code]
            self.assertEqual(page.topic_keys(), ["polar-bears"])
            self.assertEqual(page.region_keys(), ["svalbard"])
            self.assertEqual(
                sorted(member.slug for member in page.members.all()), ["arice", "interact"]
            )

    def test_guide_headings_open_the_sections_of_the_body(self):
        guide = self.pages(kb.GuidePage, "sea-ice-thickness")["fr"]
        self.assertEqual(
            [text for _anchor, text, _level in guide.table_of_contents()],
            ["Mesurer la glace", "Épaisseur minimale"],
        )
        self.assertEqual(
            [block.block_type for block in guide.body],
            ["heading", "paragraph", "paragraph", "heading", "paragraph", "paragraph"],
        )
        self.assertIn("tarière tous les cinquante mètres", str(guide.body[1].value))

    def test_lessons_and_outputs_carry_their_own_fields(self):
        lesson = self.pages(kb.LessonPage, "atterrissage-annule")["fr"]
        self.assertIn("fanions", lesson.recommendation)
        self.assertIn("l'aire de poser", lesson.what_happened)
        output = self.pages(kb.OutputPage, "permafrost-core-archive")["de"]
        self.assertEqual(output.kind, "dataset")
        self.assertEqual(output.identifier, "10.5072/polarkb.relevance.corearchive")
        self.assertIn("auf Anfrage", output.access_notes)

    def test_topics_and_regions_nest_and_are_named_in_each_language(self):
        self.assertEqual(
            kb.Topic.objects.source().get(key="polar-bears").ancestor_keys(),
            [
                "wildlife",
                "fieldwork",
            ],
        )
        self.assertIn("polar-bears", kb.Topic.descendant_keys("fieldwork"))
        self.assertIn("disko-bay", kb.Region.descendant_keys("arctic"))
        for model, taxonomy in ((kb.Topic, "topics"), (kb.Region, "regions")):
            for node in CORPUS[taxonomy]:
                names = dict(
                    model.objects.filter(key=node["key"]).values_list(
                        "locale__language_code", "name"
                    )
                )
                self.assertEqual(names, node["names"])

    def test_glossary_names_per_language_put_the_preferred_label_first(self):
        names = kb.GlossaryTerm.names_by_key()
        self.assertEqual(names["polar-bear"]["kl"], ["nanoq"])
        self.assertEqual(names["polar-bear"]["fr"], ["ours polaire", "ours blanc"])
        self.assertNotIn("kl", names["reindeer"])
        self.assertEqual({term["key"]: term["names"] for term in CORPUS["glossary"]}, names)

    def test_cross_language_questions_name_no_glossary_term_topic_or_region(self):
        for question in QUESTIONS:
            if question["class"] == "cross-language":
                words = SearchRequest(query=question["q"], language=question["language"]).words
                concepts = [unit.concept for unit in units_for(words, 24) if unit.concept]
                self.assertEqual(concepts, [], question["id"])

    def test_a_second_load_is_refused(self):
        with self.assertRaisesMessage(CollectionError, "empty database"):
            load_collection()


@pytest.mark.django_db
def test_a_corpus_naming_an_unknown_topic_is_refused_with_the_key(tmp_path):
    corpus = tmp_path / "corpus.yaml"
    corpus.write_text(
        "languages: [en]\n"
        "topics: [{key: fieldwork, names: {en: Fieldwork}}]\n"
        "items:\n"
        "  - {key: a-guide, type: guide, topics: [sea-ice],\n"
        "     versions: {en: {title: A guide, summary: Short., body: [Text.]}}}\n",
        encoding="utf-8",
    )
    with pytest.raises(CollectionError, match=r"Unknown topic keys: \['sea-ice'\]"):
        load_collection(corpus)
    assert not kb.Topic.objects.exists()  # nothing half-loaded stays behind


# --- The judged queries ----------------------------------------------------------------


def test_query_ids_are_unique():
    ids = Counter(query["id"] for query in QUERIES)
    assert [query_id for query_id, count in ids.items() if count > 1] == []


def test_every_judged_key_is_in_the_corpus_with_a_grade_of_one_or_two():
    for query in QUERIES:
        for key, grade in query["judgments"].items():
            assert key in ENTRIES, f"{query['id']}: unknown item {key!r}"
            assert grade in (1, 2), f"{query['id']}: {key} has grade {grade!r}"


def test_enough_answerable_queries_in_enough_languages():
    answerable = [query for query in QUERIES if query["judgments"]]
    assert len(answerable) >= 40
    assert len({query["language"] for query in answerable}) >= 6
    assert {query["language"] for query in QUERIES} <= set(CORPUS["languages"])
    assert 3 <= len(QUERIES) - len(answerable) <= 5
    assert all(query["judgments"] for query in answerable if "no-answer" not in query["covers"])


def test_every_kind_of_difficulty_is_covered():
    covered = Counter(kind for query in QUERIES for kind in query["covers"])
    assert COVERAGE_KINDS <= set(covered)
    assert all(covered[kind] >= 3 for kind in COVERAGE_KINDS)


def test_typo_queries_and_only_they_are_marked_misspelled():
    for query in QUERIES:
        assert query["misspelled"] is ("typo" in query["covers"]), query["id"]


def test_no_answer_queries_have_no_judgments():
    for query in QUERIES:
        assert bool(query["judgments"]) is ("no-answer" not in query["covers"]), query["id"]


def test_cross_language_queries_judge_an_item_missing_in_the_readers_language():
    for query in QUERIES:
        if "cross-language" in query["covers"]:
            elsewhere = [
                key
                for key in query["judgments"]
                if query["language"] not in ENTRIES[key]["versions"]
            ]
            assert elsewhere, query["id"]


def test_ancestor_filters_judge_an_item_tagged_below_the_filter():
    for query in QUERIES:
        if "ancestor-filter" not in query["covers"]:
            continue
        filters = query["filters"]
        tagged_below = [
            key
            for key in query["judgments"]
            for facet, taxonomy in TAXONOMY_FILTERS.items()
            for value in filters.get(facet, [])
            if (descendants(taxonomy, value) - {value}) & set(ENTRIES[key].get(taxonomy, []))
        ]
        assert tagged_below, query["id"]


def test_judged_items_pass_the_query_filters():
    """A judged item that the filters exclude could never be found: a judging mistake."""
    for query in QUERIES:
        filters = query.get("filters", {})
        assert set(filters) <= {*TAXONOMY_FILTERS, "member", "type", "language", "year"}
        for key in query["judgments"]:
            assert matches_filters(ENTRIES[key], filters), (query["id"], key)


# --- The natural questions ---------------------------------------------------------------


def test_question_ids_are_unique_across_both_files():
    ids = Counter(query["id"] for query in [*QUERIES, *QUESTIONS])
    assert [query_id for query_id, count in ids.items() if count > 1] == []


def test_enough_questions_of_three_to_nine_words_in_several_languages():
    assert len(QUESTIONS) >= 60
    assert len({question["language"] for question in QUESTIONS}) >= 5
    for question in QUESTIONS:
        assert 3 <= len(question["q"].split()) <= 9, question["id"]


def test_every_question_has_a_class_and_judged_answers():
    for question in QUESTIONS:
        assert question["class"] in QUESTION_CLASSES, question["id"]
        assert question["judgments"], question["id"]
        assert question["misspelled"] is (question["class"] == "typos"), question["id"]
        for key, grade in question["judgments"].items():
            assert key in ENTRIES, f"{question['id']}: unknown item {key!r}"
            assert grade in (1, 2), f"{question['id']}: {key} has grade {grade!r}"
            assert matches_filters(ENTRIES[key], question.get("filters", {})), question["id"]


def test_cross_language_questions_are_answered_only_in_other_languages():
    crossing = [question for question in QUESTIONS if question["class"] == "cross-language"]
    assert len(crossing) >= 15
    for question in crossing:
        best = [key for key, grade in question["judgments"].items() if grade == 2]
        for key in best:
            assert question["language"] not in ENTRIES[key]["versions"], (question["id"], key)


def test_compound_questions_are_in_compounding_languages():
    compounds = [question for question in QUESTIONS if question["class"] == "compounds"]
    assert len(compounds) >= 10
    assert {question["language"] for question in compounds} <= COMPOUNDING_LANGUAGES
