"""Readers' feedback on guides and lessons: useful or not, and an optional comment.

Nothing about the reader is kept: no address, account, session or cookie. An entry
names the item by its translation key (the same in every language) and the language
version the reader was on."""

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Max, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 1000


class FeedbackQuerySet(models.QuerySet):
    def per_item(self):
        """One row per item: how many found it useful and not useful, the balance of the
        two and the latest entry; the most negative first."""
        return (
            self.values("translation_key")
            .annotate(
                useful_count=Count("pk", filter=Q(useful=True)),
                not_useful_count=Count("pk", filter=Q(useful=False)),
                latest=Max("created"),
            )
            .annotate(balance=F("useful_count") - F("not_useful_count"))
            .order_by("balance", "-not_useful_count", "-latest")
        )


class Feedback(models.Model):
    translation_key = models.UUIDField(_("item"), db_index=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    useful = models.BooleanField(_("useful"))
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX_LENGTH, blank=True)
    # The reader came by "Report a problem with this translation": for the translators.
    about_translation = models.BooleanField(_("about the translation"), default=False)
    created = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created"]

    def __str__(self):
        return f"{self.translation_key} {self.language} {'+' if self.useful else '-'}"
