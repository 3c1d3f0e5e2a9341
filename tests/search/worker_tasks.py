"""A task for the worker tests: its first run hangs (until its worker is killed), a
run after that finishes at once."""

import time
from pathlib import Path

from django_tasks import task


@task()
def hang_on_first_run(marker):
    marker = Path(marker)
    if not marker.exists():
        marker.write_text("started")
        time.sleep(600)
    return "finished"
