"""How each translation was made, so readers can judge it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ProvenanceMethod(models.TextChoices):
    HUMAN = "human", _("Human translation")
    MACHINE = "machine", _("Machine translation, not reviewed")
    COMMUNITY_REVIEWED = "community_reviewed", _("Reviewed by the community")


class TranslationProvenance(models.Model):
    """The provenance of one translation: an item (translation key) in one locale.

    It applies to the text it was recorded for: ``text_fingerprint`` hashes the
    translated text at that moment, and once the text changes the record no
    longer applies (see ``localization.provenance``).
    """

    translation_key = models.UUIDField(_("translation key"))
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("locale"), on_delete=models.CASCADE, related_name="+"
    )
    method = models.CharField(_("how it was translated"), max_length=20, choices=ProvenanceMethod)
    translator = models.CharField(
        _("translator or reviewer"),
        max_length=200,
        blank=True,
        help_text=_("Optional: the person or community who translated or reviewed the text."),
    )
    text_fingerprint = models.CharField(max_length=64, editable=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now=True)

    class Meta:
        verbose_name = _("translation provenance")
        verbose_name_plural = _("translation provenances")
        constraints = [
            models.UniqueConstraint(
                fields=["translation_key", "locale"], name="one_provenance_per_translation"
            )
        ]

    def __str__(self):
        return f"{self.get_method_display()} ({self.locale_id}, {self.translation_key})"
