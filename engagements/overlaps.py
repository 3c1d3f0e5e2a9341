"""Which engagements come too close to each other, or fall in a "no visits" period.

Two engagements *overlap* when they concern the same community, are not cancelled,
involve different members and overlap in time or come within
``ENGAGEMENT_OVERLAP_DAYS`` days (default 30) of each other. An engagement that
touches a community's "no visits please" period clashes with that period.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings

from .models import Engagement, EngagementStatus, NoVisitPeriod

OVERLAP = "overlap"
NO_VISITS = "no_visits"


def overlap_days():
    return getattr(settings, "ENGAGEMENT_OVERLAP_DAYS", 30)


def active_engagements():
    return (
        Engagement.objects.exclude(status=EngagementStatus.CANCELLED)
        .select_related("community")
        .prefetch_related("members")
    )


def member_ids(engagement):
    return {member.pk for member in engagement.members.all()}


def overlapping(engagement, days=None):
    """The other members' engagements with the same community too close to this one."""
    if engagement.status == EngagementStatus.CANCELLED:
        return []
    days = overlap_days() if days is None else days
    margin = datetime.timedelta(days=days)
    candidates = active_engagements().filter(
        community_id=engagement.community_id,
        start__lte=engagement.end + margin,
        end__gte=engagement.start - margin,
    )
    own = member_ids(engagement)
    return [other for other in candidates.exclude(pk=engagement.pk) if member_ids(other) != own]


def no_visit_periods_for(engagement):
    """The community's "no visits please" periods the engagement falls into."""
    if engagement.status == EngagementStatus.CANCELLED:
        return []
    return list(
        NoVisitPeriod.objects.filter(
            community_id=engagement.community_id,
            start__lte=engagement.end,
            end__gte=engagement.start,
        ).select_related("community")
    )


@dataclass
class Clash:
    """Engagements of one community that overlap each other, or fall into ``period``."""

    kind: str
    community: object
    engagements: list
    period: NoVisitPeriod | None = None
    start: datetime.date = field(init=False)

    def __post_init__(self):
        self.start = min(engagement.start for engagement in self.engagements)


def all_clashes(days=None):
    """Every overlapping pair and every "no visits" clash, by community, then by date."""
    days = overlap_days() if days is None else days
    engagements = list(active_engagements().order_by("start", "pk"))
    clashes = []
    for index, first in enumerate(engagements):
        for second in engagements[index + 1 :]:
            if (
                first.community_id == second.community_id
                and first.touches(second, days)
                and member_ids(first) != member_ids(second)
            ):
                clashes.append(Clash(OVERLAP, first.community, [first, second]))
    for period in NoVisitPeriod.objects.select_related("community"):
        inside = [
            engagement
            for engagement in engagements
            if engagement.community_id == period.community_id and engagement.touches(period)
        ]
        if inside:
            clashes.append(Clash(NO_VISITS, period.community, inside, period))
    return sorted(clashes, key=lambda clash: (clash.community.name, clash.start, clash.kind))
