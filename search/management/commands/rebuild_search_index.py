import time

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search.engines.base import EngineError, EngineUnavailable
from search.models import PendingIndexUpdate
from search.service import get_engine, local_copy
from search.sync import rebuild_database_copy

BAR_WIDTH = 30


class ProgressBar:
    """A one-line progress bar on a terminal; a line every tenth of the way otherwise."""

    def __init__(self, stream, label, total):
        self.stream, self.label, self.total = stream, label, max(total, 1)
        self.started = time.monotonic()
        self.last_tenth = -1
        self.interactive = getattr(stream, "isatty", lambda: False)()

    def __call__(self, done, total=None):
        self.total = max(total or self.total, 1)
        fraction = min(done / self.total, 1)
        rate = done / max(time.monotonic() - self.started, 1e-6)
        filled = int(fraction * BAR_WIDTH)
        line = (
            f"{self.label} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] "
            f"{done}/{self.total} ({rate:,.0f}/s)"
        )
        if self.interactive:
            self.stream.write(f"\r{line}", ending="")
            self.stream.flush()
        elif int(fraction * 10) != self.last_tenth:
            self.last_tenth = int(fraction * 10)
            self.stream.write(line)

    def finish(self):
        if self.interactive:
            self.stream.write("")


class Command(BaseCommand):
    help = (
        "Rebuild the search documents from the pages, fill a fresh index on the configured "
        "engine and switch the alias to it in one step (searches keep working meanwhile)."
    )

    def handle(self, *args, **options):
        started = timezone.now()
        engine = get_engine()
        self.stdout.write(f"Rebuilding the search index on the {engine.name} engine…")

        bar = ProgressBar(self.stdout, "documents from pages", 1)
        count = rebuild_database_copy(progress=bar)
        bar.finish()

        bar = ProgressBar(self.stdout, f"indexing into {engine.name}", count)
        try:
            index_name, indexed = engine.rebuild(local_copy().documents(), progress=bar)
        except EngineError as error:
            raise CommandError(f"The {engine.name} engine rejected the rebuild: {error}") from error
        except EngineUnavailable as error:
            raise CommandError(
                f"The {engine.name} engine is not available: {error}. "
                "Start it (make engine) or check SEARCH_URL, then run this again."
            ) from error
        bar.finish()
        PendingIndexUpdate.objects.filter(queued_at__lte=started).delete()
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {indexed} documents into {index_name}; the alias points at it."
            )
        )
