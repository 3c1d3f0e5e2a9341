"""What a community reviewer sees on their dashboard: every engagement members plan with
their communities, from today on, the community named in the reviewer's language."""

from dataclasses import dataclass

from django.utils import timezone

from wagtail.models import Locale

from knowledgebase.models import Community

from .models import Engagement
from .overlaps import overlapping
from .permissions import reviewed_communities


@dataclass
class Row:
    engagement: Engagement
    community_name: str
    overlaps: bool


def engagements_for_reviewer(user):
    communities = reviewed_communities(user)
    engagements = list(
        Engagement.objects.filter(community__in=communities, end__gte=timezone.localdate())
        .select_related("community")
        .prefetch_related("members")
        .order_by("start", "pk")
    )
    if not engagements:
        return []
    keys = list({engagement.community.key for engagement in engagements})
    names = {item.key: item.name for item in Community.localized(Locale.get_active(), keys)}
    return [
        Row(engagement, names[engagement.community.key], bool(overlapping(engagement)))
        for engagement in engagements
    ]
