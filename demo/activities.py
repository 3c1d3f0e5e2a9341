"""Joint activities in the demo (demo/data/activities.yaml): working groups and events,
dated relative to the day the demo loads, some with outcomes, two concerning a
community (approved by its demo reviewer, as the consent gate asks).

Idempotent, like the rest of the demo: what exists is left alone.
"""

import datetime
import re

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page

from activities.models import ActivitiesIndexPage, EventPage, WorkingGroupPage
from consent.models import record_approval
from knowledgebase import content_types
from knowledgebase import models as kb

from .files import read_data

RELATIVE_DAYS = re.compile(r"([+-][0-9]+)d")


def day(value, today):
    """A date from "+30d" (in thirty days), "-90d" or an ISO date."""
    if match := RELATIVE_DAYS.fullmatch(value):
        return today + datetime.timedelta(days=int(match[1]))
    return datetime.date.fromisoformat(value)


def clock(value):
    return datetime.time.fromisoformat(value) if value else None


@transaction.atomic
def load_activities(log=print):
    data = read_data("activities")
    english = Locale.get_default()
    index = ActivitiesIndexPage.objects.filter(locale=english).first()
    if index is None:
        return
    today = timezone.localdate()
    reviewer = get_user_model().objects.filter(username=read_data("consent")["reviewer"]).first()
    groups = {
        item["slug"]: add(index, WorkingGroupPage, item, group_fields(item, today), reviewer)
        for item in data["working_groups"]
    }
    for item in data["events"]:
        add(index, EventPage, item, event_fields(item, today, groups), reviewer)
    log(f"  activities: {len(data['events'])} events, {len(groups)} working groups")


def group_fields(item, today):
    return {
        "purpose": item["purpose"],
        "published": day(item["started"], today),
        "active": item["active"],
    }


def event_fields(item, today, groups):
    start = day(item["start"], today)
    end = day(item["end"], today) if item.get("end") else None
    return {
        "kind": item["kind"],
        "start_date": start,
        "start_time": clock(item.get("time")),
        "end_date": end,
        "end_time": clock(item.get("end_time")),
        "time_zone": item["time_zone"],
        "place": item.get("place", ""),
        "online_link": item.get("online", ""),
        "languages_spoken": item.get("languages", ""),
        "registration_link": item.get("registration", ""),
        "body": item.get("body", ""),
        "working_group": groups.get(item.get("working_group")),
    }


def add(index, model, item, fields, reviewer):
    existing = model.objects.child_of(index).filter(slug=item["slug"]).first()
    if existing is not None:
        return existing
    page = model(
        title=item["title"],
        slug=item["slug"],
        summary=item["summary"],
        contact=item.get("contact", ""),
        locale=index.locale,
        **fields,
    )
    index.add_child(instance=page)
    relations(page, item)
    for community in page.communities.all():  # the community agreed before it is shown
        record_approval(community, page, reviewer, note="Agreed at the planning call.")
    page.save_revision().publish()
    return page


# field -> (model, the field of it the demo names items by)
RELATIONS = {
    "members": (kb.MemberPage, "slug"),
    "topics": (kb.Topic, "key"),
    "regions": (kb.Region, "key"),
    "communities": (kb.Community, "key"),
}


def relations(page, item):
    for field, (model, name) in RELATIONS.items():
        wanted = {f"{name}__in": item.get(field, []), "locale": page.locale}
        getattr(page, field).set(model.objects.filter(**wanted))
    page.outcomes.set(outcome_pages(item.get("outcomes") or item.get("outputs") or [], page.locale))


def outcome_pages(refs, locale):
    """Pages named "guide:slug", "lesson:slug" or "output:slug"."""
    pages = []
    for ref in refs:
        kind, _sep, slug = ref.partition(":")
        model = content_types.get(kind).model
        pages.extend(Page.objects.filter(pk__in=model.objects.filter(slug=slug, locale=locale)))
    return pages
