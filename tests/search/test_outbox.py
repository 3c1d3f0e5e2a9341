"""The outbox loses no change: not one that commits while a push runs, and /healthz only
reads it."""

import threading
import time
from io import StringIO

from django.core.management import call_command
from django.db import connection, transaction
from django.test import TransactionTestCase, override_settings

from django_tasks_db.models import DBTaskResult

from knowledgebase.models import GuidePage
from search.models import IndexedDocument, PendingIndexUpdate
from search.service import get_engine
from search.sync import push_pending_updates
from tests import factories as f
from tests.conftest import build_tree
from tests.search.engine import ENGINE, EngineTestCase, engine_url
from tests.search.test_sync import DATABASE_TASKS, run_worker


def publish_title(guide, title):
    guide = GuidePage.objects.get(pk=guide.pk)
    guide.title = title
    guide.save_revision().publish()


@override_settings(TASKS=DATABASE_TASKS)
class PushDuringPublishTests(TransactionTestCase):
    """A push that starts while a publish is uncommitted, on a second connection."""

    def setUp(self):
        self.enterContext(
            override_settings(
                SEARCH_ENGINE=ENGINE,
                SEARCH_URLS=[engine_url()],
                SEARCH_INDEX_PREFIX="test-pushduringpublish",
            )
        )
        tree = build_tree()
        self.guide = f.GuidePageFactory.build(slug="whiteout", title="Whiteout navigation")
        tree.guides.add_child(instance=self.guide)
        self.guide.save_revision().publish()
        call_command("rebuild_search_index", stdout=StringIO())
        self.addCleanup(get_engine().drop)
        self.doc_id = IndexedDocument.objects.get(page_id=self.guide.pk).doc_id

    def title_in_engine(self):
        engine = get_engine()
        return engine.client.get(index=engine.alias, id=self.doc_id)["_source"]["title"]

    def push_in_another_connection(self):
        self.push_errors = []

        def push():
            try:
                push_pending_updates.call()
            except Exception as error:  # noqa: BLE001 - reported by the test
                self.push_errors.append(error)
            finally:
                connection.close()

        pusher = threading.Thread(target=push)
        pusher.start()
        return pusher

    def wait_for_title_in_engine(self, title):
        deadline = time.monotonic() + 30
        while self.title_in_engine() != title:
            if time.monotonic() > deadline:
                self.fail(f"the push never sent {title!r}")
            time.sleep(0.05)

    def test_a_publish_committed_during_a_push_reaches_the_engine(self):
        publish_title(self.guide, "Whiteout navigation, first edit")  # queued, not pushed yet
        with transaction.atomic():
            publish_title(self.guide, "Whiteout navigation, second edit")
            pusher = self.push_in_another_connection()
            # The push sent what was committed before it started; now the publish commits.
            self.wait_for_title_in_engine("Whiteout navigation, first edit")
        pusher.join(timeout=60)
        self.assertFalse(pusher.is_alive())
        self.assertEqual(self.push_errors, [])

        run_worker()  # the publish's own push, queued when it committed
        self.assertEqual(self.title_in_engine(), "Whiteout navigation, second edit")
        self.assertFalse(PendingIndexUpdate.objects.exists())


@override_settings(TASKS=DATABASE_TASKS)
class HealthCheckTests(EngineTestCase):
    def test_healthz_reads_the_queue_and_queues_nothing(self):
        PendingIndexUpdate.objects.create(translation_key=self.corpus.guides[0].translation_key)
        tasks = DBTaskResult.objects.count()
        for _ in range(5):
            health = self.client.get("/healthz").json()
            self.assertEqual((health["search"], health["index_queue"]), ("ok", 1))
        self.assertEqual(DBTaskResult.objects.count(), tasks)
