"""The engagement register: what members plan with communities, and when a community
asks for no visits.

Not public: no page, no search index, no API; only the admin shows it, to those
``engagements.permissions`` lets in. Communities are their source-language snippets,
members their source-language pages, as in the rest of the knowledge base.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from knowledgebase.models import Community, MemberPage

SOURCE_LOCALE = {"locale__language_code": settings.LANGUAGE_CODE}


class Period(models.Model):
    """A span of whole days with a community; the end day is included."""

    community = models.ForeignKey(
        Community,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("community"),
        limit_choices_to=SOURCE_LOCALE,
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True
        ordering = ["start", "end"]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end cannot come before the start.")})

    def touches(self, other, gap_days=0):
        """Whether the two periods overlap, or come within ``gap_days`` of each other."""
        return (self.start - other.end).days <= gap_days and (
            other.start - self.end
        ).days <= gap_days


class EngagementStatus(models.TextChoices):
    PLANNED = "planned", _("planned")
    CONFIRMED = "confirmed", _("confirmed")
    DONE = "done", _("done")
    CANCELLED = "cancelled", _("cancelled")


class Engagement(Period):
    """A member's (or several members') planned contact with a community."""

    purpose = models.TextField(_("purpose"))
    members = models.ManyToManyField(
        MemberPage,
        related_name="engagements",
        verbose_name=_("members involved"),
        limit_choices_to={**SOURCE_LOCALE, "alias_of": None},
    )
    contact_name = models.CharField(_("contact person"), max_length=160)
    contact_email = models.EmailField(_("contact e-mail"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=EngagementStatus.choices,
        default=EngagementStatus.PLANNED,
    )

    class Meta(Period.Meta):
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")

    def __str__(self):
        return f"{self.community} {self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"

    def member_names(self):
        return ", ".join(member.title for member in self.members.all())


class NoVisitPeriod(Period):
    """A period in which a community asks not to be visited (hunting season, calving …)."""

    reason = models.CharField(_("reason"), max_length=300)

    class Meta(Period.Meta):
        verbose_name = _("“no visits please” period")
        verbose_name_plural = _("“no visits please” periods")

    def __str__(self):
        return f"{self.community} {self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"


class OverlapNotice(models.Model):
    """The coordinators of two overlapping engagements were e-mailed about them (once)."""

    first = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Engagement, on_delete=models.CASCADE, related_name="+")
    sent = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("overlap notice")
        verbose_name_plural = _("overlap notices")
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="one_notice_per_pair"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="pair_in_order"
            ),
        ]

    def __str__(self):
        return f"{self.first} / {self.second}"
