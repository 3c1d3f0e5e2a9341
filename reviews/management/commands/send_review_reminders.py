"""E-mail each author one digest a week of their members' guides due for review.

Safe to run as often as cron likes: what was sent is recorded, and an author
already reminded this week gets nothing more until next week.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.users.models import UserProfile

from reviews.due import authors, guides_due_for, week_start
from reviews.models import ReviewReminder


class Command(BaseCommand):
    help = "Send each author a weekly digest of their guides due for review."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be sent; send nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        today = timezone.localdate()
        week = week_start(today)
        sent = 0
        for user in authors():
            guides = guides_due_for(user, today)
            if not guides:
                continue
            if ReviewReminder.objects.filter(user=user, week=week).exists():
                self.stdout.write(f"Already reminded this week: {user.email}")
                continue
            sent += 1
            if dry_run:
                self.stdout.write(f"Would send to {user.email}: {len(guides)} guide(s) due")
                continue
            self.send(user, guides, week)
            self.stdout.write(f"Sent to {user.email}: {len(guides)} guide(s) due")
        if dry_run:
            self.stdout.write(f"Dry run: {sent} reminder(s) would be sent, none sent.")
        else:
            self.stdout.write(f"{sent} reminder(s) sent.")

    def send(self, user, guides, week):
        # Recorded first, in the same transaction: a failed send leaves no record,
        # so the next run tries again; a recorded one is never sent twice.
        with transaction.atomic():
            ReviewReminder.objects.create(user=user, week=week, guides=len(guides))
            language = UserProfile.get_for_user(user).get_preferred_language()
            with translation.override(language):
                context = {
                    "user": user,
                    "guides": [(guide, self.edit_url(guide)) for guide in guides],
                }
                send_mail(
                    subject=render_to_string("reviews/reminder_subject.txt", context).strip(),
                    message=render_to_string("reviews/reminder_email.txt", context),
                    from_email=None,
                    recipient_list=[user.email],
                )

    @staticmethod
    def edit_url(guide):
        return settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[guide.pk])
