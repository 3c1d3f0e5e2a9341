"""Enquiries: messages from partners and communities through the single contact point."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Limits of what a reader may send; the form and the database agree on them.
NAME_MAX_LENGTH = 120
ORGANISATION_MAX_LENGTH = 160
MESSAGE_MAX_LENGTH = 5000


class EnquiryQuerySet(models.QuerySet):
    def purgeable(self, now=None):
        """Closed enquiries whose retention period (CONTACT_RETENTION_DAYS) has passed."""
        now = now or timezone.now()
        cutoff = now - datetime.timedelta(days=settings.CONTACT_RETENTION_DAYS)
        return self.filter(status=Enquiry.Status.CLOSED, closed_at__lt=cutoff)


class Enquiry(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    # What the sender wrote: exactly the fields of the public form, nothing more.
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH)
    email = models.EmailField(_("e-mail address"))
    organisation = models.CharField(
        _("organisation or community"), max_length=ORGANISATION_MAX_LENGTH, blank=True
    )
    message = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    member = models.ForeignKey(
        "knowledgebase.MemberPage",
        verbose_name=_("member"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic = models.ForeignKey(
        "knowledgebase.Topic",
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    region = models.ForeignKey(
        "knowledgebase.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    received = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    # Routing and delivery.
    routed_to = models.EmailField(_("routed to"), blank=True)
    notification_failed = models.BooleanField(
        _("notification failed"),
        default=False,
        help_text=_("The e-mail to whoever the enquiry is routed to could not be sent."),
    )
    acknowledgement_failed = models.BooleanField(
        _("acknowledgement failed"),
        default=False,
        help_text=_("The confirmation to the sender could not be sent."),
    )

    # The Cluster's handling.
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_enquiries",
    )
    notes = models.TextField(_("notes"), blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)

    objects = EnquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-received"]

    def __str__(self):
        return f"{self.name} – {self.received:%Y-%m-%d}"

    def save(self, *args, **kwargs):
        if self.assignee_id and self.status == self.Status.NEW:
            self.status = self.Status.ASSIGNED
        # The retention period runs from closing; reopening stops it.
        if self.status == self.Status.CLOSED:
            self.closed_at = self.closed_at or timezone.now()
        else:
            self.closed_at = None
        super().save(*args, **kwargs)

    @property
    def delivery_failed(self):
        return self.notification_failed or self.acknowledgement_failed
