"""The demo's engagement register (demo/data/engagements.yaml): members' planned visits
to the communities of the consent demo, two of them overlapping, and a "no visits
please" period. Safe to repeat: nothing is added when a demo engagement exists."""

import datetime

from django.utils import timezone

from wagtail.models import Locale

from engagements.models import Engagement, NoVisitPeriod
from knowledgebase.models import Community, MemberPage

from .files import read_data


def period(data):
    start = timezone.localdate() + datetime.timedelta(days=data["in_days"])
    return {"start": start, "end": start + datetime.timedelta(days=data["days"] - 1)}


def load_engagements(log=print):
    if Engagement.objects.filter(contact_email__endswith="@example.org").exists():
        return
    data = read_data("engagements")
    english = Locale.get_default()
    communities = {c.key: c for c in Community.objects.filter(locale=english)}
    added = 0
    for entry in data["engagements"]:
        members = MemberPage.objects.filter(
            slug__in=entry["members"], locale=english, alias_of=None
        )
        if entry["community"] not in communities or not members:
            continue
        engagement = Engagement.objects.create(
            community=communities[entry["community"]],
            purpose=entry["purpose"],
            contact_name=entry["contact_name"],
            contact_email=entry["contact_email"],
            status=entry["status"],
            **period(entry),
        )
        engagement.members.set(members)
        added += 1
    for entry in data["no_visits"]:
        if entry["community"] in communities:
            NoVisitPeriod.objects.create(
                community=communities[entry["community"]], reason=entry["reason"], **period(entry)
            )
    log(f"  engagement register: {added} engagements, {len(data['no_visits'])} no-visit period")
