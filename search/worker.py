"""Which background worker runs a task, and taking back the tasks of a worker that died.

django-tasks-db marks a task RUNNING when a worker claims it and leaves it so if the
worker is killed. Our workers name themselves after their host and process id, so a
worker starting on the same host can tell a task whose worker is gone and put it back
in the queue. (Tasks of workers on other hosts are left alone: their process cannot
be checked from here.)
"""

import os
import socket

from django.utils.crypto import get_random_string

from django_tasks_db.models import DBTaskResult


def worker_id():
    """host:pid:random, at most the 64 characters django-tasks-db allows."""
    host = socket.gethostname()[:30]
    return f"{host}:{os.getpid()}:{get_random_string(16)}"


def is_gone(worker):
    """Whether a worker of this host is no longer running (unknown workers are not)."""
    host, _, rest = worker.partition(":")
    pid = rest.partition(":")[0]
    if host != socket.gethostname()[:30] or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # a process of another user holds that id
        return False
    return False


def requeue_abandoned_tasks():
    """Put the tasks left RUNNING by a dead worker of this host back in the queue."""
    abandoned = [
        task.pk
        for task in DBTaskResult.objects.running().only("pk", "worker_ids")
        if task.worker_ids and is_gone(task.worker_ids[-1])
    ]
    return DBTaskResult.objects.filter(pk__in=abandoned, status="RUNNING").update(
        status="READY", started_at=None
    )
