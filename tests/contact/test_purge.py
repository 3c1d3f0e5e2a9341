"""`python manage.py purge_enquiries [--dry-run]` deletes closed enquiries once their
retention period after closing has passed, and nothing else."""

import datetime
import io

from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from contact.models import Enquiry


def enquiry(status, closed_days_ago=None, name="Sender"):
    item = Enquiry.objects.create(
        name=name, email="sender@example.org", message="Hello", language="en", status=status
    )
    if closed_days_ago is not None:
        closed = timezone.now() - datetime.timedelta(days=closed_days_ago)
        Enquiry.objects.filter(pk=item.pk).update(closed_at=closed, received=closed)
    return item


@override_settings(CONTACT_RETENTION_DAYS=30)
class PurgeEnquiriesTests(TestCase):
    def setUp(self):
        self.old_closed = enquiry(Enquiry.Status.CLOSED, closed_days_ago=40, name="old closed")
        self.recent_closed = enquiry(Enquiry.Status.CLOSED, closed_days_ago=10)
        self.old_open = enquiry(Enquiry.Status.ANSWERED)
        Enquiry.objects.filter(pk=self.old_open.pk).update(
            received=timezone.now() - datetime.timedelta(days=400)
        )

    def purge(self, *args):
        out = io.StringIO()
        call_command("purge_enquiries", *args, stdout=out)
        return out.getvalue()

    def test_dry_run_deletes_nothing_and_says_what_would_go(self):
        output = self.purge("--dry-run")
        self.assertIn("1 closed enquiries older than 30 days would be deleted", output)
        self.assertEqual(Enquiry.objects.count(), 3)

    def test_only_closed_enquiries_past_their_retention_are_deleted(self):
        output = self.purge()
        self.assertIn("Deleted 1 closed enquiries", output)
        self.assertEqual(
            set(Enquiry.objects.values_list("pk", flat=True)),
            {self.recent_closed.pk, self.old_open.pk},
        )

    def test_retention_runs_from_closing_and_stops_when_reopened(self):
        item = enquiry(Enquiry.Status.NEW)
        self.assertIsNone(item.closed_at)
        item.status = Enquiry.Status.CLOSED
        item.save()
        self.assertIsNotNone(item.closed_at)
        item.status = Enquiry.Status.ASSIGNED
        item.save()
        self.assertIsNone(item.closed_at)
