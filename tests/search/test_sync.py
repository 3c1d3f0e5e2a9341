"""Page changes reach the index through tasks; an outage delays them but loses none."""

import datetime
import os
import signal
import time
from io import StringIO
from unittest import mock

from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction, Site

from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from knowledgebase.models import GuidePage
from search.models import IndexedDocument, PendingIndexUpdate
from search.service import get_engine
from search.sync import MAX_ATTEMPTS, push_pending_updates
from tests import factories as f
from tests.conftest import translate
from tests.search.engine import (
    ENGINE,
    EngineTestCase,
    engine_script,
    engine_url,
    is_healthy,
    managed_pid,
    managed_port,
)


class SyncTests:
    """Changes reach the index on every engine: the classes below run them on the node and
    on the database."""

    def committed(self, action, *args, **kwargs):
        """Run an action as a request would: its index task runs once it commits."""
        with self.captureOnCommitCallbacks(execute=True):
            result = action(*args, **kwargs)
        if self.engine_name != "database":  # the database engine reads the documents as written
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
        # The English source is hidden, and with it its French translation.
        for language in ("en", "fr"):
            self.assertEqual(self.titles(q="helicopter", lang=language), [], language)
        self.committed(restriction.delete)
        self.assertEqual(self.titles(q="helicopter"), ["Helicopter operations near glaciers"])
        french = "Opérations d'hélicoptères près des glaciers"
        self.assertEqual(self.titles(q="helicopter", lang="fr"), [french])

    def test_privacy_change_on_a_translation_hides_that_copy_only(self):
        french = self.corpus.guides[1].get_translation(Locale.objects.get(language_code="fr"))
        self.committed(
            PageViewRestriction.objects.create,
            page=french,
            restriction_type=PageViewRestriction.LOGIN,
        )
        english = ["Helicopter operations near glaciers"]
        for language in ("en", "fr"):  # French readers find the English version
            self.assertEqual(self.titles(q="helicopter", lang=language), english, language)

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
        # The guide has both words (its member's name) and comes first; guides with
        # only "coast" follow, as items with half of a question's words do.
        titles = self.titles(q="coast consortium", type="guide")
        self.assertEqual(titles[0], "Permafrost coring and sample handling")

    def test_moving_a_page_updates_its_address(self):
        archive_home = f.HomePageFactory(parent=Page.get_first_root_node(), slug="archive")
        Site.objects.create(hostname="archive.example", root_page=archive_home)
        archive_guides = f.GuideIndexPageFactory(parent=archive_home)
        guide = self.corpus.guides[4]
        self.committed(guide.move, archive_guides, pos="last-child")
        result = self.api(q="FAIR metadata")["results"][0]
        self.assertEqual(result["url"], "http://archive.example/en/guides/fair-metadata/")


class NodeSyncTests(SyncTests, EngineTestCase):
    """On the node of the engine under test (SEARCH_TEST_ENGINE)."""


class DatabaseSyncTests(SyncTests, EngineTestCase):
    engine_name = "database"


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
        with override_settings(TASKS=DATABASE_TASKS):
            with self.captureOnCommitCallbacks(execute=True):
                guide.save_revision().publish()
            run_worker()  # the engine is down: the push is tried again later
        self.assertTrue(GuidePage.objects.get(pk=guide.pk).live)
        self.assertEqual(PendingIndexUpdate.objects.count(), 1)
        fallback = self.client.get("/api/search/", {"q": "katabatic"}).json()
        self.assertEqual([r["title"] for r in fallback["results"]], [guide.title])

        self.start_engine()
        cache.clear()  # as in another process: recovery is not remembered in memory
        self.assertEqual(self.client.get("/healthz").json()["search"], "ok")
        with override_settings(TASKS=DATABASE_TASKS):
            DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
            run_worker()  # the later try, now due
        self.assertEqual(PendingIndexUpdate.objects.count(), 0)
        get_engine().refresh()
        answer = self.client.get("/api/search/", {"q": "katabatic"}).json()
        self.assertFalse(answer["fallback"])
        self.assertEqual([r["title"] for r in answer["results"]], [guide.title])

    def test_sync_command_pushes_what_queued_up(self):
        PendingIndexUpdate.objects.create(translation_key=self.corpus.guides[0].translation_key)
        call_command("sync_search_index", stdout=StringIO())
        self.assertEqual(PendingIndexUpdate.objects.count(), 0)


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
CLOSED_PORT_URL = "http://127.0.0.1:8209"  # nothing listens there: connections are refused


def run_worker():
    """The background worker, until no task is due. Like Django's test client between
    requests, it keeps the test's database connection (and transaction) open."""
    with mock.patch.object(db_worker, "close_old_connections", lambda: None):
        call_command("db_worker", "--batch", "--no-startup-delay", stdout=StringIO())


class HungEngineTests(EngineTestCase):
    """Pauses the test node (SIGSTOP): it accepts connections and never answers."""

    engine_name = ENGINE

    def pause_engine(self):
        pid = managed_pid()
        if pid is None:
            self.fail("this node was not started by scripts/engine.sh and cannot be paused")
        os.kill(pid, signal.SIGSTOP)
        self.addCleanup(os.kill, pid, signal.SIGCONT)  # continuing twice is harmless
        return pid

    def new_guide_with_aliases(self):
        guide = f.GuidePageFactory.build(
            slug="katabatic-winds",
            title="Katabatic winds at coastal camps",
            summary="Anchoring tents against sudden katabatic storms.",
            live=False,
        )
        self.corpus.tree.guides.add_child(instance=guide)
        for language_code in ("fr", "nb"):
            guide.copy_for_translation(Locale.objects.get(language_code=language_code), alias=True)
        return guide

    @override_settings(TASKS=DATABASE_TASKS)
    def test_publishing_does_not_wait_and_the_worker_catches_up(self):
        guide = self.new_guide_with_aliases()
        guide.save_revision()  # the draft an editor saved
        self.client.force_login(User.objects.create_superuser("editor", password="x"))
        publish = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        pid = self.pause_engine()

        started = time.monotonic()
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(f"{publish}?id={guide.pk}", {"include_descendants": ""})
        self.assertLess(time.monotonic() - started, 2, "publishing waited for the engine")
        self.assertEqual(response.status_code, 302)
        self.assertEqual(
            Page.objects.filter(translation_key=guide.translation_key, live=True).count(), 3
        )
        # One queue entry for the page and its two aliases, nothing sent yet.
        queued = PendingIndexUpdate.objects.values_list("translation_key", flat=True)
        self.assertEqual(list(queued), [guide.translation_key])

        os.kill(pid, signal.SIGCONT)
        run_worker()
        self.assertEqual(PendingIndexUpdate.objects.count(), 0)
        get_engine().refresh()
        answer = self.api(q="katabatic")  # asserts the engine answered, not the fallback
        self.assertEqual([r["title"] for r in answer["results"]], [guide.title])


class RejectionTests(EngineTestCase):
    engine_name = ENGINE

    def test_a_rejected_group_is_set_aside_without_blocking_the_rest(self):
        good, bad = self.corpus.guides[0], self.corpus.guides[1]
        rejected = IndexedDocument.objects.get(translation_key=bad.translation_key, locale="en")
        rejected.data = {**rejected.data, "published": "not a date"}
        rejected.save()
        for page in (good, bad):
            PendingIndexUpdate.objects.create(translation_key=page.translation_key)
        good_document = IndexedDocument.objects.get(
            translation_key=good.translation_key, locale="en"
        )
        good_document.data = {**good_document.data, "title": "Sea-ice travel safety, revised"}
        good_document.save()

        self.assertEqual(push_pending_updates.call(), 1)
        engine = get_engine()
        pushed = engine.client.get(index=engine.alias, id=good_document.doc_id)["_source"]
        self.assertEqual(pushed["title"], "Sea-ice travel safety, revised")
        waiting = PendingIndexUpdate.objects.get()
        self.assertEqual((waiting.translation_key, waiting.attempts), (bad.translation_key, 1))
        self.assertIn("published", waiting.last_error)
        self.assertGreater(waiting.retry_at, timezone.now())  # backoff: not retried at once
        self.assertEqual(push_pending_updates.call(), 0)
        self.assertEqual(PendingIndexUpdate.objects.get().attempts, 1)

        PendingIndexUpdate.objects.update(attempts=MAX_ATTEMPTS - 1, retry_at=None)
        push_pending_updates.call()
        health = self.client.get("/healthz").json()
        self.assertEqual((health["index_queue"], health["index_set_aside"]), (0, 1))

    def test_a_rejected_query_is_an_error_not_a_fallback(self):
        client = get_engine().client
        broken = "test-broken-knowledge"  # an index where dates are text: sorting fails
        client.indices.create(
            index=broken, body={"mappings": {"properties": {"published": {"type": "text"}}}}
        )
        self.addCleanup(client.indices.delete, index=broken)
        with (
            override_settings(SEARCH_INDEX_PREFIX="test-broken"),
            self.assertLogs("search.service", "ERROR"),
        ):
            response = self.client.get("/api/search/", {"sort": "newest"})
        self.assertEqual(response.status_code, 502)
        self.assertIn("could not run this search", response.json()["error"])


@override_settings(TASKS=DATABASE_TASKS)
class OutageRetryTests(EngineTestCase):
    engine_name = ENGINE

    def test_the_worker_tries_again_later_and_catches_up(self):
        guide = self.corpus.guides[2]
        document = IndexedDocument.objects.get(translation_key=guide.translation_key, locale="en")
        document.data = {**document.data, "title": "Polar bear safety, revised"}
        document.save()
        PendingIndexUpdate.objects.create(translation_key=guide.translation_key)
        push_pending_updates.enqueue()

        with override_settings(SEARCH_URLS=[CLOSED_PORT_URL]):
            run_worker()  # the engine is down: nothing pushed, a later try scheduled
        self.assertEqual(PendingIndexUpdate.objects.count(), 1)
        retry = DBTaskResult.objects.get(status="READY")
        self.assertGreater(retry.run_after, timezone.now())
        self.assertEqual(retry.args_kwargs["kwargs"], {"outages": 1})

        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        run_worker()  # the engine is back
        self.assertEqual(PendingIndexUpdate.objects.count(), 0)
        engine = get_engine()
        pushed = engine.client.get(index=engine.alias, id=document.doc_id)["_source"]
        self.assertEqual(pushed["title"], "Polar bear safety, revised")
