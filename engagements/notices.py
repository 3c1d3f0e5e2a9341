"""What the person saving an engagement is told, and the e-mail both coordinators of an
overlapping pair receive once."""

import logging

from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import OverlapNotice

logger = logging.getLogger(__name__)


def span(period):
    return _("%(start)s to %(end)s") % {
        "start": date_format(period.start),
        "end": date_format(period.end),
    }


def overlap_warning(engagement, other):
    return _(
        "%(members)s also plan an engagement with %(community)s, %(dates)s (%(status)s); "
        "contact: %(contact)s <%(email)s>. Could you visit together, so that the community "
        "is asked once?"
    ) % {
        "members": other.member_names(),
        "community": engagement.community,
        "dates": span(other),
        "status": other.get_status_display(),
        "contact": other.contact_name,
        "email": other.contact_email,
    }


def no_visits_warning(period):
    return _("%(community)s asked for no visits %(dates)s: %(reason)s") % {
        "community": period.community,
        "dates": span(period),
        "reason": period.reason,
    }


def overlap_email(engagement, other):
    """The e-mail to ``engagement``'s coordinator about ``other``."""
    context = {"engagement": engagement, "other": other, "other_dates": span(other)}
    subject = _("Another member plans to engage with %(community)s at the same time") % {
        "community": engagement.community
    }
    body = render_to_string("engagements/overlap_email.txt", context)
    return EmailMessage(
        subject, body, to=[engagement.contact_email], reply_to=[other.contact_email]
    )


def notify_coordinators(engagement, others):
    """E-mail both coordinators of each overlapping pair not told before; returns the number
    of pairs told. A failing mail server is logged and tried again at the next save."""
    told = 0
    for other in others:
        first, second = sorted((engagement, other), key=lambda item: item.pk)
        if OverlapNotice.objects.filter(first=first, second=second).exists():
            continue
        try:
            with transaction.atomic():
                OverlapNotice.objects.create(first=first, second=second)
                get_connection(fail_silently=False).send_messages(
                    [overlap_email(first, second), overlap_email(second, first)]
                )
        except IntegrityError:  # told by a save at the same moment
            continue
        except Exception:  # any mail failure: the engagement is saved all the same
            logger.exception("Could not tell the coordinators of engagements %s", (first, second))
            continue
        told += 1
    return told
