from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewReminder(models.Model):
    """A weekly digest of guides due for review, as sent to one author: at most one a week."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="review_reminders",
        verbose_name=_("author"),
    )
    week = models.DateField(_("week starting"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    guides = models.PositiveIntegerField(_("guides listed"))

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        constraints = [
            models.UniqueConstraint(fields=["user", "week"], name="one_reminder_per_week")
        ]

    def __str__(self):
        return f"{self.user} – {self.week}"
