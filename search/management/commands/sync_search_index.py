from django.core.management.base import BaseCommand

from search.models import PendingIndexUpdate
from search.sync import push_pending_updates


class Command(BaseCommand):
    help = (
        "Push index updates queued while the search engine was unavailable (safe to run from cron)."
    )

    def handle(self, *args, **options):
        waiting = PendingIndexUpdate.objects.count()
        pushed = push_pending_updates.call()
        left = PendingIndexUpdate.objects.count()
        self.stdout.write(f"{waiting} queued, {pushed} pushed, {left} still queued.")
