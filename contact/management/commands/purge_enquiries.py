from django.conf import settings
from django.core.management.base import BaseCommand

from contact.models import Enquiry


class Command(BaseCommand):
    help = (
        "Delete closed enquiries whose retention period (CONTACT_RETENTION_DAYS after "
        "closing) has passed. Enquiries that are not closed are never deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say how many would go; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        enquiries = Enquiry.objects.purgeable()
        count = enquiries.count()
        days = settings.CONTACT_RETENTION_DAYS
        if dry_run:
            self.stdout.write(f"{count} closed enquiries older than {days} days would be deleted.")
            return
        enquiries.delete()
        self.stdout.write(f"Deleted {count} closed enquiries older than {days} days.")
