"""Reader language, language analysis, highlighting, did-you-mean and suggestions."""

from tests.search.engine import EngineTestCase


class LanguageTests(EngineTestCase):
    def find(self, answer, slug_part):
        return next(r for r in answer["results"] if slug_part in r["url"])

    def test_result_is_shown_in_the_readers_language_when_it_exists(self):
        answer = self.api(q="sea ice", lang="fr")
        result = next(r for r in answer["results"] if r["type"] == "guide")
        self.assertEqual(result["locale"], "fr")
        self.assertTrue(result["in_reader_language"])
        self.assertEqual(result["title"], "Sécurité des déplacements sur la banquise")
        self.assertEqual(result["translations"], ["en", "fr"])
        self.assertTrue(result["url"].startswith("/fr/"))

    def test_otherwise_in_the_source_language_with_its_languages_listed(self):
        answer = self.api(q="helicopter", lang="nb")
        result = answer["results"][0]
        self.assertEqual(result["locale"], "en")
        self.assertFalse(result["in_reader_language"])
        self.assertEqual(result["translations"], ["en", "fr"])

    def test_one_result_per_translation_group(self):
        answer = self.api(q="sea ice", lang="fr")
        ids = [r["id"] for r in answer["results"]]
        self.assertEqual(len(ids), len(set(ids)))

    def test_choosing_a_language_filter_shows_that_version(self):
        answer = self.api(language="fr", type="guide", lang="en")
        self.assertEqual({r["locale"] for r in answer["results"]}, {"fr"})
        self.assertEqual(answer["total"], 2)

    def test_norwegian_inflected_form_finds_the_base_form(self):
        answer = self.api(q="isbjørnen", lang="nb")
        result = answer["results"][0]
        self.assertEqual(result["title"], "Isbjørnsikkerhet i feltleirer")
        self.assertEqual(result["locale"], "nb")

    def test_french_elision_and_plural(self):
        for query in ("hélicoptère", "helicopteres", "l'hélicoptère"):
            with self.subTest(query=query):
                answer = self.api(q=query, lang="fr")
                self.assertEqual(answer["total"], 1)
                self.assertEqual(
                    answer["results"][0]["title"], "Opérations d'hélicoptères près des glaciers"
                )

    def test_matches_are_highlighted_in_the_shown_language(self):
        result = self.api(q="thickness", lang="en")["results"][0]
        self.assertIn("<mark>thickness</mark>", result["highlight"])
        french = self.api(q="banquise", lang="fr")["results"][0]
        self.assertIn("<mark>banquise</mark>", french["highlight"].lower())

    def test_highlight_escapes_page_text(self):
        result = self.api(q="minus eighteen", lang="en")["results"][0]
        self.assertNotIn("<p>", result["highlight"])

    def test_a_typo_finds_what_the_word_finds(self):
        typo, word = self.api(q="permafrots"), self.api(q="permafrost")
        self.assertGreater(word["total"], 0)
        self.assertCountEqual(ids(typo), ids(word))
        # Nothing more to find, so no did-you-mean either way.
        self.assertIsNone(typo["suggestion"])
        self.assertIsNone(word["suggestion"])

    def test_did_you_mean_when_the_correction_finds_more(self):
        answer = self.api(q="glasiar")  # two edits in seven letters: beyond typo tolerance
        self.assertEqual(answer["total"], 0)
        self.assertEqual(answer["suggestion"], "glacier")
        self.assertGreater(self.api(q="glacier")["total"], 0)

    def test_title_suggestions_prefer_the_readers_language(self):
        response = self.client.get("/api/search/suggest/", {"q": "opér", "lang": "fr"})
        suggestions = response.json()["suggestions"]
        self.assertEqual(suggestions[0]["title"], "Opérations d'hélicoptères près des glaciers")
        self.assertEqual(set(suggestions[0]), {"title", "url", "type", "locale"})
        english = self.client.get("/api/search/suggest/", {"q": "sea-ice tr", "lang": "en"})
        self.assertEqual(english.json()["suggestions"][0]["title"], "Sea-ice travel safety")


def ids(answer):
    return [result["id"] for result in answer["results"]]


class DidYouMeanLanguageTests:
    """Corrections come from the words of the query's language only."""

    def test_an_english_query_is_not_corrected_to_a_french_or_norwegian_word(self):
        # Two edits from French "glace" and Norwegian "natten": beyond typo tolerance,
        # and no English word is that close.
        for query, other_language, correction in (
            ("gkaxe", "fr", "glace"),
            ("nqtteb", "nb", "natten"),
        ):
            with self.subTest(query=query):
                english = self.api(q=query, lang="en")
                self.assertEqual(english["total"], 0)
                self.assertIsNone(english["suggestion"])
                in_that_language = self.api(q=query, lang=other_language)
                self.assertEqual(in_that_language["suggestion"], correction)

    def test_a_word_known_in_another_language_is_not_corrected(self):
        answer = self.api(q="natten", lang="en")
        self.assertGreater(answer["total"], 0)
        self.assertIsNone(answer["suggestion"])


class NodeDidYouMeanLanguageTests(DidYouMeanLanguageTests, EngineTestCase):
    pass


class DatabaseDidYouMeanLanguageTests(DidYouMeanLanguageTests, EngineTestCase):
    engine_name = "database"
