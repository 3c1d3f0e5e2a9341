"""Editors' picks (search promotions) come first, labelled, on every engine."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.engines.base import Hit
from search.picks import arrange_picks
from search.query import SearchRequest
from search.service import local_copy
from tests.conftest import translate
from tests.search.engine import ENGINE, EngineTestCase


class EditorsPicksTests:
    """Run on the database engine and on OpenSearch (subclasses below)."""

    @classmethod
    def add_content(cls):
        corpus = cls.corpus
        cls.sea_ice_guide, _helicopter, _bear, cls.coring, metadata = corpus.guides
        # The English original goes back to draft; its French translation stays live.
        cls.metadata_fr = translate(metadata, "fr", title="Métadonnées FAIR des données de terrain")
        metadata.unpublish()
        query = Query.get("Sea ice")
        for order, page in enumerate(
            [
                corpus.hidden.draft,  # not live
                metadata,  # not live, though its item is (in French)
                cls.coring,  # does not match "sea ice" at all
                corpus.hidden.private,  # view-restricted
                corpus.tree.guides,  # live, but no indexed item
                cls.sea_ice_guide,  # also a regular match
            ]
        ):
            SearchPromotion.objects.create(query=query, page=page, sort_order=order)

    def ids(self, results):
        return [result["id"] for result in results]

    def test_picks_come_first_marked_once_and_only_when_live_public_and_indexed(self):
        answer = self.api(q="  SEA   ice ", lang="en")
        results = answer["results"]
        keys = [str(self.coring.translation_key), str(self.sea_ice_guide.translation_key)]
        self.assertEqual(self.ids(results[:2]), keys)
        self.assertEqual([result.get("editors_pick") for result in results[:2]], [True, True])
        self.assertEqual(results[0]["title"], "Permafrost coring and sample handling")
        others = results[2:]
        self.assertTrue(others, "the regular matches follow the picks")
        self.assertFalse(any("editors_pick" in result for result in others))
        self.assertNotIn(keys[1], self.ids(others))
        hidden = self.corpus.hidden
        shown = " ".join(result["title"] for result in results)
        for page in (hidden.draft, hidden.private, self.metadata_fr):
            self.assertNotIn(page.title, shown)
        self.assertEqual(set(others[0]) | {"editors_pick"}, set(results[0]))

    def test_a_pick_is_shown_in_the_reader_language_when_it_exists(self):
        results = self.api(q="sea ice", lang="fr")["results"]
        self.assertEqual(results[1]["title"], "Sécurité des déplacements sur la banquise")
        self.assertEqual(results[1]["locale"], "fr")
        self.assertEqual(results[0]["locale"], "en")  # the coring guide is English only

    def test_the_search_page_labels_the_picks(self):
        response = self.client.get("/en/search/", {"q": "sea ice"})
        self.assertEqual(response.status_code, 200)
        content = response.content.decode()
        items = content.split('<li class="result')[1:]
        self.assertIn("Editor’s pick", items[0])
        self.assertIn("Permafrost coring and sample handling", items[0])
        self.assertIn("Editor’s pick", items[1])
        self.assertFalse(any("Editor’s pick" in item for item in items[2:]))

    def test_picks_that_do_not_fit_the_chosen_filters_are_left_out(self):
        lessons = self.api(q="sea ice", lang="en", type="lesson")["results"]
        self.assertTrue(lessons)
        self.assertFalse(any(result.get("editors_pick") for result in lessons))
        self.assertEqual({result["type"] for result in lessons}, {"lesson"})

    def test_a_pick_added_or_removed_after_a_search_shows_at_once(self):
        def first_result():
            answer = self.api(q="sea ice", lang="en", type="lesson")
            return answer["results"][0]["title"], answer["results"][0].get("editors_pick")

        before = first_result()
        lesson = self.corpus.lesson
        self.assertNotEqual(before, (lesson.title, True))
        promotion = SearchPromotion.objects.create(
            query=Query.get("sea ice"), page=lesson, sort_order=-1
        )
        self.assertEqual(first_result(), (lesson.title, True))
        promotion.delete()
        self.assertEqual(first_result(), before)

    def test_further_pages_show_no_picks_and_never_repeat_a_picked_item(self):
        picked = Hit(document={"translation_key": str(self.sea_ice_guide.translation_key)})
        other = Hit(document={"translation_key": str(self.corpus.lesson.translation_key)})
        second_page = SearchRequest(query="sea ice", page=2, language="en")
        self.assertEqual(arrange_picks(second_page, [picked, other], local_copy()), ([], [other]))
        first_page = second_page.with_page(1)
        picks, others = arrange_picks(first_page, [picked, other], local_copy())
        self.assertEqual(len(picks), 2)
        self.assertEqual(others, [other])


class DatabaseEditorsPicksTests(EditorsPicksTests, EngineTestCase):
    engine_name = "database"


class NodeEditorsPicksTests(EditorsPicksTests, EngineTestCase):
    engine_name = ENGINE
