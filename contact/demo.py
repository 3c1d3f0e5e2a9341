"""A few demo enquiries, so the inbox shows each status. Safe to repeat: nothing is added
when demo enquiries exist. No e-mail is sent."""

import datetime

from django.utils import timezone

from wagtail.models import Locale

from knowledgebase.models import MemberPage, Region, Topic

from .models import Enquiry
from .routing import recipient

DEMO_DOMAIN = "@example.org"
ENQUIRIES = [
    {
        "name": "Aviaja Kristiansen",
        "email": "aviaja.kristiansen@example.org",
        "organisation": "Qaanaaq hunters' association",
        "language": "kl",
        "member": "interact",
        "topic": "sea-ice-operations",
        "region": "greenland",
        "message": "Our hunters observe the sea ice every day. Could a project use "
        "these observations, and share its ice charts with us?",
        "status": Enquiry.Status.NEW,
    },
    {
        "name": "Nils Mathisen",
        "email": "nils.mathisen@example.org",
        "organisation": "Reindeer herding district",
        "language": "se",
        "region": "sapmi",
        "message": "We would like to know which projects study snow conditions on our "
        "winter pastures, and how we can take part.",
        "status": Enquiry.Status.ASSIGNED,
        "notes": "Forwarded to two members working on snow; waiting for their answer.",
    },
    {
        "name": "Claire Dubois",
        "email": "claire.dubois@example.org",
        "organisation": "Université de recherche polaire",
        "language": "fr",
        "message": "Where can I find the datasets of ended projects on permafrost?",
        "status": Enquiry.Status.ANSWERED,
        "notes": "Sent links to the legacy outputs on permafrost.",
        "notification_failed": True,
    },
    {
        "name": "Tom Becker",
        "email": "tom.becker@example.org",
        "language": "en",
        "message": "Is there a guide on fuel handling at remote field camps?",
        "status": Enquiry.Status.CLOSED,
        "notes": "Answered with the field-camp guides.",
        "closed_days_ago": 400,  # past retention: `purge_enquiries --dry-run` counts it
    },
]


def source_item(model, **lookup):
    return model.objects.filter(locale=Locale.get_default(), **lookup).first()


def load(log=print):
    if Enquiry.objects.filter(email__endswith=DEMO_DOMAIN).exists():
        return
    for data in ENQUIRIES:
        data = dict(data)
        closed_days_ago = data.pop("closed_days_ago", None)
        enquiry = Enquiry(
            member=source_item(MemberPage, slug=data.pop("member", ""), alias_of=None),
            topic=source_item(Topic, key=data.pop("topic", "")),
            region=source_item(Region, key=data.pop("region", "")),
            **data,
        )
        enquiry.routed_to = recipient(enquiry)
        enquiry.save()
        if closed_days_ago:
            closed = timezone.now() - datetime.timedelta(days=closed_days_ago)
            Enquiry.objects.filter(pk=enquiry.pk).update(closed_at=closed, received=closed)
    log(f"  enquiries: {len(ENQUIRIES)}")
