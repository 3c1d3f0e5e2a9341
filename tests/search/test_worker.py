"""The background worker as it runs beside the web server: a real `db_worker` process on
the test database."""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from django.db import connection
from django.test import TransactionTestCase, override_settings

from wagtail.models import Page

from django_tasks_db.models import DBTaskResult

from tests import factories as f
from tests.conftest import build_tree
from tests.search.test_sync import DATABASE_TASKS
from tests.search.worker_tasks import hang_on_first_run

REPO = Path(__file__).resolve().parents[2]


def database_url():
    """The test database, for a process of its own."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST'] or 'localhost'}"
        f":{settings['PORT'] or 5432}/{settings['NAME']}"
    )


def start_worker(*options):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "polarkb.settings.dev",  # the database task backend
        "DATABASE_URL": database_url(),
        "SEARCH_ENGINE": "database",
        "CACHE_DIR": tempfile.mkdtemp(prefix="polarkb-worker-cache-"),
    }
    command = [sys.executable, "manage.py", "db_worker", "--no-startup-delay", *options]
    return subprocess.Popen(
        command,
        cwd=REPO,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.1)


@override_settings(TASKS=DATABASE_TASKS)
class DeadWorkerTests(TransactionTestCase):
    def test_a_task_left_running_by_a_killed_worker_runs_again_when_a_worker_starts(self):
        marker = Path(tempfile.mkdtemp()) / "started"
        result = hang_on_first_run.enqueue(str(marker))
        first = start_worker("--interval", "0.1")
        self.addCleanup(first.kill)
        wait_for(marker.exists)
        first.kill()
        first.wait()
        self.assertEqual(DBTaskResult.objects.get(pk=result.id).status, "RUNNING")

        second = start_worker("--batch")
        output, _ = second.communicate(timeout=120)
        self.assertEqual(second.returncode, 0, output)
        retried = DBTaskResult.objects.get(pk=result.id)
        self.assertEqual(retried.status, "SUCCESSFUL", output)
        self.assertEqual(retried.return_value, "finished")
        self.assertEqual(len(retried.worker_ids), 2)


@override_settings(TASKS=DATABASE_TASKS)
class PublishingBesideTheWorkerTests(TransactionTestCase):
    """On SQLite the worker and the web server write the same file."""

    def test_every_publish_succeeds_while_the_worker_runs_its_tasks(self):
        tree = build_tree()
        guides = [
            tree.guides.add_child(instance=f.GuidePageFactory.build(slug=f"guide-{n}"))
            for n in range(3)
        ]
        worker = start_worker("--interval", "0")
        self.addCleanup(worker.kill)
        for round_ in range(10):
            for guide in guides:
                guide.title = f"Guide, version {round_}"
                guide.save_revision().publish()  # each queues index tasks for the worker
        self.assertEqual(
            set(Page.objects.filter(pk__in=[g.pk for g in guides]).values_list("title", flat=True)),
            {"Guide, version 9"},
        )
        wait_for(lambda: not DBTaskResult.objects.filter(status="READY").exists())
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=60)
        self.assertFalse(DBTaskResult.objects.filter(status="FAILED").exists(), output)
