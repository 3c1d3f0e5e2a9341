"""A few demo enquiries (demo/data/enquiries.yaml), so the inbox shows each status. Safe
to repeat: nothing is added when demo enquiries exist. No e-mail is sent."""

import datetime

from django.utils import timezone

from wagtail.models import Locale

from contact.models import Enquiry
from contact.routing import recipient
from knowledgebase.models import MemberPage, Region, Topic

from .files import read_data

DEMO_DOMAIN = "@example.org"


def source_item(model, **lookup):
    return model.objects.filter(locale=Locale.get_default(), **lookup).first()


def load_enquiries(log=print):
    if Enquiry.objects.filter(email__endswith=DEMO_DOMAIN).exists():
        return
    enquiries = read_data("enquiries")
    for data in enquiries:
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
    log(f"  enquiries: {len(enquiries)}")
