"""How words match on every engine: whole words only, long queries bounded rather than
failing over, a word that names a concept taken as spelled, and a configured language
the site has no pages in."""

from wagtail.models import Locale

from tests import factories as f
from tests.search.corpus import paragraph_body
from tests.search.engine import ENGINE, EngineTestCase


class MatchingTests:
    @classmethod
    def add_content(cls):
        f.GuidePageFactory(
            parent=cls.corpus.tree.guides,
            slug="notices",
            title="Notices for visitors",
            summary="Good advice on the ice: read the notice at the hut.",
            body=paragraph_body("Take advice from the station."),
        )
        # "data" names a glossary term (with a French label), so it is spelled right:
        # no typo correction turns it into "date".
        term = f.GlossaryTermFactory(key="data", label="data")
        french = term.copy_for_translation(Locale.objects.get_or_create(language_code="fr")[0])
        french.label = "données"
        french.save()
        f.GuidePageFactory(
            parent=cls.corpus.tree.guides,
            slug="survey-date",
            title="Choosing the date of the spring survey",
            summary="Weather windows for the spring survey.",
            body=paragraph_body("Pick a date after the thaw."),
        )

    def test_words_match_whole_words_never_inside_other_words(self):
        answer = self.api(q="ice")
        titles = {result["title"] for result in answer["results"]}
        self.assertIn("Notices for visitors", titles)  # "the ice" is in its summary
        for result in answer["results"]:
            highlight = result["highlight"] or ""
            self.assertNotIn("adv<mark>", highlight)
            self.assertNotIn("not<mark>", highlight)
        self.assertEqual(self.api(q="vice")["total"], 0)

    def test_a_word_that_names_a_concept_is_not_corrected(self):
        self.assertNotIn("Choosing the date of the spring survey", titles(self.api(q="data")))
        # A word that names nothing still may have a typo.
        self.assertIn("Choosing the date of the spring survey", titles(self.api(q="survy")))

    def test_a_term_of_many_tokens_is_answered_by_the_engine(self):
        # Words with digits are codes, not typos of "ice": nothing matches.
        answer = self.api(q=",".join(f"ice{number}" for number in range(23)))
        self.assertEqual(answer["total"], 0)

    def test_a_long_question_is_answered_by_the_engine(self):
        question = (
            "how do I keep people and polar bears safe around field camps on sea ice "
            "near glaciers in Svalbard and Greenland with a bear fence and a watch at night"
        )
        self.assertIn("Polar bear safety in field camps", titles(self.api(q=question)))

    def test_a_configured_language_without_pages_is_answered(self):
        response = self.client.get("/api/search/", {"q": "polar bear", "lang": "de"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("Polar bear safety in field camps", titles(response.json()))


def titles(answer):
    return [result["title"] for result in answer["results"]]


class NodeMatchingTests(MatchingTests, EngineTestCase):
    engine_name = ENGINE


class DatabaseMatchingTests(MatchingTests, EngineTestCase):
    engine_name = "database"
