from django.core.management.base import BaseCommand

from search.models import PendingIndexUpdate
from search.sync import push_pending_updates


class Command(BaseCommand):
    help = (
        "Push the index updates that are due now (safe to run from cron; the worker does it too)."
    )

    def handle(self, *args, **options):
        waiting = PendingIndexUpdate.objects.count()
        pushed = push_pending_updates.call()
        left = PendingIndexUpdate.objects.filter(set_aside=False).count()
        set_aside = PendingIndexUpdate.objects.filter(set_aside=True).count()
        self.stdout.write(
            f"{waiting} queued, {pushed} pushed, {left} still queued, {set_aside} set aside "
            "(rejected by the engine; see Reports → Search index queue)."
        )
