"""Page changes reach the index through tasks; an outage delays them but loses none."""

import datetime
from io import StringIO

from django.core.management import call_command

from wagtail.models import Page, PageViewRestriction, Site

from knowledgebase.models import GuidePage
from search.models import PendingIndexUpdate
from search.service import get_engine
from tests import factories as f
from tests.conftest import translate
from tests.search.engine import EngineTestCase, engine_script, engine_url, is_healthy, managed_port


class SyncTests(EngineTestCase):
    def committed(self, action, *args, **kwargs):
        """Run an action as a request would: its index task runs once it commits."""
        with self.captureOnCommitCallbacks(execute=True):
            result = action(*args, **kwargs)
        get_engine().refresh()
        return result

    def titles(self, **params):
        return [result["title"] for result in self.api(**params)["results"]]

    def new_guide(self, **fields):
        guide = f.GuidePageFactory.build(
            slug="whiteout-navigation",
            title="Whiteout navigation",
            summary="Finding your way when snow and sky merge.",
            **fields,
        )
        self.corpus.tree.guides.add_child(instance=guide)
        return guide

    def test_publish_then_unpublish(self):
        guide = self.new_guide()
        self.assertEqual(self.titles(q="whiteout"), [])
        self.committed(guide.save_revision().publish)
        self.assertEqual(self.titles(q="whiteout"), ["Whiteout navigation"])
        self.committed(guide.unpublish)
        self.assertEqual(self.titles(q="whiteout"), [])

    def test_delete(self):
        guide = self.corpus.guides[3]
        self.committed(guide.delete)
        self.assertNotIn(guide.title, self.titles(q="coring"))
        self.assertEqual(self.titles(q="permafrost coring", type="guide"), [])

    def test_privacy_change(self):
        guide = self.corpus.guides[1]
        restriction = self.committed(
            PageViewRestriction.objects.create,
            page=guide,
            restriction_type=PageViewRestriction.LOGIN,
        )
        self.assertEqual(self.titles(q="helicopter"), [])
        self.committed(restriction.delete)
        self.assertEqual(self.titles(q="helicopter"), ["Helicopter operations near glaciers"])

    def test_publishing_a_translation_updates_the_group(self):
        coring = self.corpus.guides[3]
        self.committed(translate, coring, "nb", title="Kjerneboring i permafrost")
        result = self.api(q="permafrost coring", lang="nb", type="guide")["results"][0]
        self.assertEqual(result["title"], "Kjerneboring i permafrost")
        self.assertEqual(result["translations"], ["en", "nb"])

    def test_renaming_a_topic_updates_tagged_pages(self):
        topic = self.corpus.topics[2]  # Glacier travel, on the helicopter guide
        topic.name = "Crevasse country"
        self.committed(topic.save)
        self.assertEqual(self.titles(q="crevasse country"), ["Helicopter operations near glaciers"])
        labels = {e["value"]: e["label"] for e in self.api()["facets"]["topic"]}
        self.assertEqual(labels["glacier-travel"], "Crevasse country")

    def test_renaming_a_member_updates_its_content(self):
        member = self.corpus.members[2]  # Nunataryuk
        member.title = "Permafrost Coast Consortium"
        self.committed(member.save_revision().publish)
        titles = self.titles(q="coast consortium", type="guide")
        self.assertEqual(titles, ["Permafrost coring and sample handling"])

    def test_moving_a_page_updates_its_address(self):
        archive_home = f.HomePageFactory(parent=Page.get_first_root_node(), slug="archive")
        Site.objects.create(hostname="archive.example", root_page=archive_home)
        archive_guides = f.GuideIndexPageFactory(parent=archive_home)
        guide = self.corpus.guides[4]
        self.committed(guide.move, archive_guides, pos="last-child")
        result = self.api(q="FAIR metadata")["results"][0]
        self.assertEqual(result["url"], "http://archive.example/en/guides/fair-metadata/")


class OutageTests(EngineTestCase):
    """Stops the test node and starts it again, so it runs on a node it may manage."""

    def stop_engine(self):
        engine_script("stop", managed_port())
        if is_healthy(engine_url()):
            self.fail("this node was not started by scripts/engine.sh and cannot be stopped")
        self.addCleanup(self.start_engine)

    def start_engine(self):
        if not is_healthy(engine_url()):
            result = engine_script("start", managed_port())
            self.assertEqual(result.returncode, 0, result.stderr)

    def test_outage_falls_back_and_catches_up(self):
        self.stop_engine()

        answer = self.client.get("/api/search/", {"q": "sea ice"}).json()
        self.assertTrue(answer["fallback"])
        self.assertEqual(answer["engine"], "database")
        self.assertEqual(answer["results"][0]["title"], "Sea-ice travel safety")
        page = self.client.get("/en/search/", {"q": "sea ice"})
        self.assertContains(page, "search engine is not answering")

        guide = f.GuidePageFactory.build(
            slug="katabatic-winds",
            title="Katabatic winds at coastal camps",
            summary="Anchoring tents against sudden katabatic storms.",
            published=datetime.date(2026, 1, 5),
        )
        self.corpus.tree.guides.add_child(instance=guide)
        with self.captureOnCommitCallbacks(execute=True):
            guide.save_revision().publish()
        self.assertTrue(GuidePage.objects.get(pk=guide.pk).live)
        self.assertEqual(PendingIndexUpdate.objects.count(), 1)
        fallback = self.client.get("/api/search/", {"q": "katabatic"}).json()
        self.assertEqual([r["title"] for r in fallback["results"]], [guide.title])

        self.start_engine()
        self.assertEqual(self.client.get("/healthz").json()["search"], "ok")
        self.assertEqual(PendingIndexUpdate.objects.count(), 0)
        get_engine().refresh()
        answer = self.client.get("/api/search/", {"q": "katabatic"}).json()
        self.assertFalse(answer["fallback"])
        self.assertEqual([r["title"] for r in answer["results"]], [guide.title])

    def test_sync_command_pushes_what_queued_up(self):
        PendingIndexUpdate.objects.create(translation_key=self.corpus.guides[0].translation_key)
        call_command("sync_search_index", stdout=StringIO())
        self.assertEqual(PendingIndexUpdate.objects.count(), 0)
