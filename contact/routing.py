"""Where an enquiry goes, and the two e-mails it causes: a notification to whoever it
is routed to and an acknowledgement to the sender in the sender's language.

The enquiry is stored before any e-mail is sent. A mail server that fails leaves
it stored and flagged (``notification_failed``, ``acknowledgement_failed``) for
the inbox; the sender is never shown an error for it.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def recipient(enquiry):
    """The member's contact address for an enquiry addressed to a member that has one,
    else the Cluster secretariat."""
    if enquiry.member_id and enquiry.member.contact_email:
        return enquiry.member.contact_email
    return settings.CONTACT_SECRETARIAT_EMAIL


def inbox_url(enquiry):
    path = reverse("wagtailsnippets_contact_enquiry:edit", args=[enquiry.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def notification(enquiry):
    """The e-mail to the member or secretariat, in the site's working language; replying
    to it answers the sender."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Enquiry %(reference)s through the Polar Knowledge Base") % {
            "reference": enquiry.pk
        }
        body = render_to_string(
            "contact/email/notification.txt",
            {"enquiry": enquiry, "inbox_url": inbox_url(enquiry)},
        )
    return EmailMessage(subject, body, to=[enquiry.routed_to], reply_to=[enquiry.email])


def acknowledgement(enquiry):
    """The confirmation to the sender, in their language. It repeats nothing the sender
    typed, so the form cannot be used to send someone else a message of one's choosing."""
    with translation.override(enquiry.language):
        # Translators: Readers see this as the subject of the e-mail confirming that their contact
        # message arrived.
        subject = _("We have received your message")
        body = render_to_string("contact/email/acknowledgement.txt", {"enquiry": enquiry})
    return EmailMessage(subject, body, to=[enquiry.email])


def send(message, enquiry, what):
    """Send one e-mail; True if the mail server took it."""
    try:
        message.send()
    except Exception:  # any mail failure: the enquiry is stored, flagged and kept
        logger.exception("Could not send the %s of enquiry %s", what, enquiry.pk)
        return False
    return True


def deliver(enquiry):
    """Send both e-mails of a stored enquiry and record which ones failed."""
    enquiry.notification_failed = not send(notification(enquiry), enquiry, "notification")
    enquiry.acknowledgement_failed = not send(acknowledgement(enquiry), enquiry, "acknowledgement")
    enquiry.save(update_fields=["notification_failed", "acknowledgement_failed"])
