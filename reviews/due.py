"""Which guides are due for review, for whom."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from knowledgebase.models import GuidePage, Membership

DUE_SOON_DAYS = 30  # a guide due within this many days is listed already


def guides_due_for(user, today=None):
    """The user's members' guides due or overdue for review, most overdue first.

    One entry per guide (its original version, not each translation); the review
    date is shared by all its translations.
    """
    today = today or timezone.localdate()
    horizon = today + datetime.timedelta(days=DUE_SOON_DAYS)
    guides = GuidePage.objects.filter(
        members__in=Membership.members_of(user), alias_of__isnull=True
    ).distinct()
    originals = {}
    for guide in guides.order_by("pk"):
        originals.setdefault(guide.translation_key, guide)
    due = [guide for guide in originals.values() if guide.review_due <= horizon]
    return sorted(due, key=lambda guide: (guide.review_due, guide.title))


def authors():
    """Active users with an e-mail address who write for at least one member."""
    return (
        get_user_model()
        .objects.filter(is_active=True, memberships__isnull=False)
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )


def week_start(day):
    return day - datetime.timedelta(days=day.weekday())
