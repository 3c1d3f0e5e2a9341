"""The HTML search page: a GET form with facet checkboxes, usable without JavaScript."""

import json
import os
import re
import subprocess
import sys

from tests import factories as f
from tests.search.corpus import paragraph_body
from tests.search.engine import REPO, EngineTestCase

LONG_TEXT = (
    "Every morning the team checked the sledges, counted the fuel drums and wrote down "
    "the temperature before leaving camp. The route followed the old moraine towards "
    "the coast, where the snowmobile tracks of earlier seasons were still visible under "
    "a thin crust of wind-packed snow. In the afternoon the wind rose and the drivers "
    "kept close together until the light faded over the fjord and everyone returned."
)


def text_of(html):
    return re.sub(r"<[^>]+>", "", html)


class SearchPageTests:
    """The page on every engine: the classes below run it on the node and on the database."""

    @classmethod
    def add_content(cls):
        for number in range(1, 12):
            f.GuidePageFactory(parent=cls.corpus.tree.guides, title=f"Field note {number}")
        f.GuidePageFactory(
            parent=cls.corpus.tree.guides,
            title="Snowmobile logbook",
            summary="Notes kept on the way.",
            body=paragraph_body(LONG_TEXT),
        )

    def get(self, url, **params):
        response = self.client.get(url, params)
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_form_works_without_javascript(self):
        html = self.get("/en/search/", q="sea ice")
        self.assertIn('<form class="search-form" method="get" action="/en/search/">', html)
        self.assertIn('name="q" value="sea ice"', html)
        self.assertRegex(
            html,
            r'<input type="checkbox" name="topic" value="sea-ice">\s*'
            r'Sea-ice operations <span class="count">\(\d+\)</span>',
        )
        self.assertIn("Sea-ice travel safety", html)

    def test_selected_facets_stay_checked_and_filter(self):
        html = self.get("/en/search/", topic="permafrost", type="output")
        self.assertIn('name="topic" value="permafrost" checked', html)
        self.assertIn('name="type" value="output" checked', html)
        self.assertIn("1 result", html)
        self.assertIn("Permafrost core archive", html)

    def test_matches_are_marked(self):
        html = self.get("/en/search/", q="thickness")
        self.assertIn("<mark>thickness</mark>", html)

    def test_result_in_another_language_says_so_and_links_the_versions(self):
        html = self.get("/nb/search/", q="helicopter")
        result = re.search(r'<li class="result" lang="en">.*?</li>', html, re.S).group(0)
        # Language names take the sentence's language (name_in_sentence), not their own.
        self.assertIn(
            '<p class="untranslated" lang="nb">Ikke tilgjengelig på norsk (bokmål); '
            "vises på engelsk.</p>",
            result,
        )
        self.assertRegex(result, r'<a href="/fr/guides/[^"]+" lang="fr" hreflang="fr">Français</a>')

    def test_interface_in_the_readers_language(self):
        html = self.get("/fr/search/", q="banquise")
        self.assertIn('<html lang="fr"', html)
        self.assertIn("Sécurité des déplacements sur la banquise", html)

    def test_pagination_keeps_the_filters(self):
        html = self.get("/en/search/", type="guide", sort="newest")
        self.assertIn("Page 1 of 2", html)
        link = re.search(r'rel="next" href="\?([^"]+)"', html).group(1)
        self.assertEqual(
            sorted(link.replace("&amp;", "&").split("&")), ["page=2", "sort=newest", "type=guide"]
        )
        second = self.get("/en/search/", type="guide", sort="newest", page="2")
        self.assertIn("Page 2 of 2", second)
        self.assertIn('rel="prev"', second)

    def test_applied_filters_are_chips_that_each_remove_one_value(self):
        html = self.get("/en/search/?q=ice&topic=sea-ice&topic=permafrost&type=guide&page=1")
        self.assertIn("<summary>Filters (3)</summary>", html)
        chips = re.search(r'<ul class="chips"[^>]*>(.*?)</ul>', html, re.S).group(1)
        links = re.findall(r'<a href="\?([^"]*)">(.*?)</a>', chips)
        self.assertEqual(len(links), 3)
        remaining = {
            text_of(label).replace("Remove filter: ", ""): sorted(query.split("&amp;"))
            for query, label in links
        }
        self.assertEqual(
            remaining,
            {
                "Topic: Sea-ice operations": ["q=ice", "topic=permafrost", "type=guide"],
                "Topic: Permafrost": ["q=ice", "topic=sea-ice", "type=guide"],
                "Type: Guide": ["q=ice", "topic=permafrost", "topic=sea-ice"],
            },
        )
        # The chips and the count come before the results.
        self.assertLess(html.index('class="chips"'), html.index('class="result-list"'))
        self.assertLess(html.index('id="results-heading"'), html.index('class="chips"'))

    def test_a_facet_shows_its_top_values_and_folds_the_rest(self):
        html = self.get("/en/search/")
        topic = re.search(r"<legend>Topic</legend>(.*?)</fieldset>", html, re.S).group(1)
        shown, _, folded = topic.partition("<details>")
        self.assertEqual(shown.count('type="checkbox"'), 5)
        self.assertRegex(folded, r"^<summary>Show all \(\d+\)</summary><ul>")
        self.assertIn('type="checkbox"', folded)

    def snippet(self, query):
        html = self.get("/en/search/", q=query)
        return text_of(re.search(r'<p class="highlight">(.*?)</p>', html, re.S).group(1))

    def test_snippets_are_cut_at_word_boundaries_with_an_ellipsis(self):
        """Whole words only, and "…" on each side cut inside a sentence (an engine may
        cut the text at sentence ends: those need none)."""
        snippet = self.snippet("snowmobile")
        text = snippet.removeprefix("…").removesuffix("…")
        position = LONG_TEXT.index(text)
        self.assertTrue(position == 0 or LONG_TEXT[position - 1] == " ", snippet)
        end = position + len(text)
        self.assertTrue(end == len(LONG_TEXT) or LONG_TEXT[end] in " .,", snippet)
        if not snippet.startswith("…"):
            self.assertTrue(position == 0 or LONG_TEXT[position - 2] == ".", snippet)
        if not snippet.endswith("…"):
            self.assertTrue(text.endswith("."), snippet)

    def test_another_language_asked_for_is_said_once_and_linked(self):
        html = self.get("/en/search/", q="helicopter", language="fr")
        result = re.search(r'<li class="result" lang="fr">.*?</li>', html, re.S).group(0)
        self.assertNotIn("Not available", result)
        self.assertEqual(result.count("French"), 1)
        self.assertIn('<p class="untranslated" lang="en">Shown in French.</p>', result)
        self.assertIn('<h3><a href="/fr/guides/helicopter-operations/">', result)

    def test_labels_not_in_the_readers_language_are_marked(self):
        html = self.get("/kl/search/")
        self.assertRegex(html, r'value="sea-ice">\s*<span lang="en">Sea-ice operations</span>')
        self.assertRegex(html, r'value="arice">\s*<span lang="en">ARICE</span>')
        self.assertRegex(html, r'value="svalbard">\s*<span lang="en">Svalbard</span>')
        english = self.get("/en/search/")
        self.assertRegex(english, r'value="fr">\s*<span lang="fr">Français</span>')
        self.assertRegex(english, r'value="sea-ice">\s*Sea-ice operations ')

    def test_suggestions_script_is_an_enhancement(self):
        html = self.get("/en/search/")
        self.assertIn('data-suggest-url="/api/search/suggest/?lang=en"', html)
        self.assertIn("defer", html)

    def test_healthz_reports_the_engine(self):
        self.assertEqual(
            self.client.get("/healthz").json(),
            {"database": "ok", "search": "ok", "index_queue": 0, "index_set_aside": 0},
        )


class NodeSearchPageTests(SearchPageTests, EngineTestCase):
    """On the node of the engine under test (SEARCH_TEST_ENGINE)."""

    def test_did_you_mean_links_to_the_corrected_search(self):
        html = self.get("/en/search/", q="glasiar")  # beyond typo tolerance: nothing found
        self.assertIn('href="?q=glacier"', html)


class DatabaseSearchPageTests(SearchPageTests, EngineTestCase):
    engine_name = "database"

    def test_a_window_cut_inside_sentences_has_an_ellipsis_on_each_side(self):
        snippet = self.snippet("snowmobile")
        self.assertTrue(snippet.startswith("…") and snippet.endswith("…"), snippet)
        self.assertNotIn("Every morning", snippet)


def test_admin_search_follows_the_engine_setting():
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS['default']))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "polarkb.settings.test"}
    for engine, backend in (
        ("database", "wagtail.search.backends.database"),
        ("opensearch", "wagtail.search.backends.opensearch3"),
        ("elasticsearch", "wagtail.search.backends.elasticsearch9"),
    ):
        env.update(SEARCH_ENGINE=engine, SEARCH_URL="http://search.example:9200")
        output = subprocess.run(
            [sys.executable, "-c", code], env=env, cwd=REPO, capture_output=True, text=True
        )
        configured = json.loads(output.stdout)
        assert configured["BACKEND"] == backend
        if engine != "database":
            assert configured["URLS"] == ["http://search.example:9200"]


def test_unknown_engine_setting_is_refused_clearly():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "polarkb.settings.test",
        "SEARCH_ENGINE": "solr",
    }
    output = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
    )
    assert output.returncode != 0
    assert "SEARCH_ENGINE must be one of database, opensearch, elasticsearch" in output.stderr
