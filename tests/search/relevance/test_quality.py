"""The relevance collection on each engine: the quality floors of DESIGN.md, and
examples of each kind of query finding its answer on top."""

from io import StringIO

from django.core.management import call_command

from search import quality
from search.management.commands.search_quality import Command
from tests.search.engine import ENGINE, EngineTestCase
from tests.search.relevance.loader import load_collection, load_queries, load_questions

# Floors of the natural questions (questions.yaml) per class, on every engine: the
# targets (nDCG@10 0.85, recall@10 0.75) where they hold. Below them, today's
# figures: the cross-language questions share no word with their answers, and
# compounds and typos within long questions need queries translated and words
# split first.
QUESTION_FLOORS = {
    "plain": {"ndcg@10": 0.85, "recall@10": 0.75},
    "filters": {"ndcg@10": 0.85, "recall@10": 0.75},
    "compounds": {"ndcg@10": 0.75, "recall@10": 0.55},
    "typos": {"ndcg@10": 0.70, "recall@10": 0.60},
    "cross-language": {"ndcg@10": 0.15, "recall@10": 0.30},
}
# Classes whose every question must find something.
ANSWERED_CLASSES = {"compounds", "filters", "plain", "typos"}


class RelevanceOnTheNode(EngineTestCase):
    engine_name = ENGINE
    ndcg_floor = 0.85

    @classmethod
    def setUpTestData(cls):
        cls.keys = load_collection()
        cls.items = {value: key for key, value in cls.keys.items()}
        call_command("rebuild_search_index", stdout=StringIO())

    def report(self, queries=None):
        queries = load_queries() if queries is None else queries
        return quality.evaluate(self.engine_name, queries, self.items, Command.search)

    def answer(self, q, lang="en"):
        return Command.search({"q": q, "language": lang})

    def top(self, q, lang="en", **filters):
        answer = Command.search({"q": q, "language": lang, "filters": filters})
        return [self.items.get(result["id"]) for result in answer["results"]]

    def test_the_collection_meets_the_quality_floors(self):
        report = self.report()
        summary = report.summary()
        worst = "; ".join(
            f"{o.query['id']} {o.query['q']!r}: {o.ndcg:.2f} {o.ranked[:3]}"
            for o in report.worst(5)
        )
        self.assertGreaterEqual(summary["ndcg@10"], self.ndcg_floor, f"lowest: {worst}")
        nothing = [o.query["id"] for o in report.answerable() if o.total == 0]
        self.assertEqual(nothing, [], "answerable queries that found nothing")
        false = [(o.query["id"], o.suggestion) for o in report.outcomes if o.false_suggestion]
        self.assertEqual(false, [], "did-you-mean on correctly spelled queries")

    def test_the_natural_questions_meet_the_floors_of_their_class(self):
        report = self.report(load_questions())
        for name, summary in report.by_class().items():
            for measure, floor in QUESTION_FLOORS[name].items():
                with self.subTest(name, measure=measure):
                    self.assertGreaterEqual(summary[measure], floor)
        nothing = [
            o.query["id"]
            for o in report.answerable()
            if o.total == 0 and o.query["class"] in ANSWERED_CLASSES
        ]
        self.assertEqual(nothing, [], "questions that found nothing")
        false = [(o.query["id"], o.suggestion) for o in report.outcomes if o.false_suggestion]
        self.assertEqual(false, [], "did-you-mean on correctly spelled questions")

    def test_a_word_missing_from_every_item_does_not_hide_what_the_others_find(self):
        # No item says "kettle": the items with the other words are still found,
        # after the ones that have all the words the reader typed but that one.
        self.assertEqual(self.top("polar bear fence")[0], "polar-bear-camp")
        self.assertEqual(self.top("polar bear alarm fence kettle")[0], "polar-bear-camp")
        found = self.top("generator fuel filter kettle")
        self.assertIn("generator-failure", found[:2])
        self.assertIn("station-energy", found)

    def test_a_long_question_full_of_glossary_terms_is_answered(self):
        # Every word brings names in other languages: the query stays within the
        # engines' limit on clauses.
        answer = self.answer("polar bear sea ice snowmobile helicopter permafrost crevasse")
        self.assertGreater(answer["total"], 0)

    def test_a_glossary_term_in_a_question_adds_and_never_narrows(self):
        # "sea ice" is a glossary term: an item with "ice" but not "sea" still counts
        # the word it has, as if the term were not in the glossary.
        with_term = set(self.top("sea ice thickness auger"))
        self.assertIn("ice-thickness-app", with_term)
        self.assertIn("sea-ice-thickness", with_term)

    def test_correctly_spelled_words_of_any_language_are_not_corrected(self):
        # Words no item uses, each one letter from a word the items do use
        # ("boats", "glace", "kysten"): real words, so no did-you-mean.
        for lang, q in [
            ("en", "warm boots for the trip"),
            ("en", "tend the camp"),
            ("fr", "grâce au vent"),
            ("fr", "la vente des tentes"),
            ("nb", "kysset ved leiren"),
            ("nb", "hatten i teltet"),
        ]:
            with self.subTest(q):
                self.assertIsNone(self.answer(q, lang)["suggestion"])

    def test_a_real_typo_is_still_corrected(self):
        # Offered where the correction finds more than the typed word does.
        self.assertEqual(self.answer("nedkylnign", "sv")["suggestion"], "nedkylning")

    def test_words_spread_over_title_and_body_find_the_item(self):
        self.assertEqual(self.top("polar bear fence")[0], "polar-bear-camp")

    def test_a_misspelled_query_finds_what_the_correct_one_finds(self):
        misspelled = self.top("permafrsot coring")
        self.assertCountEqual(misspelled, self.top("permafrost coring"))
        self.assertIn("permafrost-coring", misspelled[:2])

    def test_an_item_written_only_in_another_language_is_found(self):
        # "Frostbite" is written up only in French and Finnish: the glossary bridges.
        written_elsewhere = ["gelures-terrain", "paleltumat-kurssilla"]
        self.assertCountEqual(self.top("frostbite")[:2], written_elsewhere)
        self.assertIn("isbjorn-i-leiren", self.top("polar bear")[:4])

    def test_a_name_spelled_alike_in_two_languages_still_bridges_them(self):
        # "helicopter" is a glossary term: not corrected, it finds the French-only lesson
        # through the French label "hélicoptère" (stemmed apart from the typed word).
        self.assertIn("atterrissage-annule", self.top("helicopter", year=[2024]))

    def test_norwegian_definite_forms_find_the_indefinite(self):
        definite = self.top("isbjørnen", lang="nb")
        self.assertEqual(definite, self.top("isbjørn", lang="nb"))
        self.assertIn("isbjorn-i-leiren", definite[:3])


class RelevanceOnTheDatabase(RelevanceOnTheNode):
    engine_name = "database"
    ndcg_floor = 0.65

    def test_a_question_finds_an_item_only_a_dictionary_translates_to(self):
        # No glossary term names these concepts; the answers exist only in French or
        # English, found through the bilingual dictionaries.
        self.assertIn("gelures-terrain", self.top("warming the skin in lukewarm water"))
        self.assertIn("atterrissage-annule", self.top("the pilot could not see the wind direction"))
        self.assertEqual(
            self.top("hvordan bringer vi affaldet tilbage fra lejren", lang="da")[0],
            "waste-removal",
        )

    def test_the_readers_own_words_rank_above_translated_ones(self):
        # English items say "rope"; the German one says "Seil" (in "Seilschaft"): an
        # item with the reader's word comes first.
        found = self.top("rope")
        self.assertIn(found[0], ("crevasse-rescue", "sea-ice-self-rescue", "whiteout-navigation"))

    def test_a_compound_finds_an_item_that_writes_its_parts_apart(self):
        self.assertEqual(self.top("renkalvning och skotrar", lang="sv")[0], "skoter-kalvning")
        german = self.top("Spaltenzone am Gletscherrand erkennen", lang="de")
        self.assertEqual(german[0], "gletscher-seilschaft")
        self.assertIn("crevasse-rescue", german)

    def test_an_inflected_icelandic_word_is_found_by_its_lemma(self):
        answer = self.top("hvernig á að mæla þykkt hafíssins", lang="is")
        self.assertEqual(answer[0], "sea-ice-thickness")
