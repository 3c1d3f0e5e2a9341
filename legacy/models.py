"""What the legacy app keeps: the items harvesters have seen (so that an item that
disappears is reported deleted) and the last check of each legacy output's PID."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HarvestRecord(models.Model):
    """An item (translation group) OAI-PMH has offered. Kept when the item disappears
    from readers' view, so harvesters learn it is gone (``deleted``)."""

    translation_key = models.UUIDField(unique=True)
    set_specs = models.JSONField(default=list)
    languages = models.JSONField(default=list)
    changed_at = models.DateTimeField(db_index=True)
    deleted = models.BooleanField(default=False)

    class Meta:
        verbose_name = _("harvest record")
        verbose_name_plural = _("harvest records")

    def __str__(self):
        return str(self.translation_key)


class PidCheck(models.Model):
    """The last check of a legacy output's persistent identifier (one per output)."""

    translation_key = models.UUIDField(unique=True)
    output = models.ForeignKey(
        "knowledgebase.OutputPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("legacy output"),
    )
    pid = models.CharField(_("persistent identifier"), max_length=300)
    checked_at = models.DateTimeField(_("checked at"))
    status_code = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    final_url = models.URLField(_("final address"), max_length=2000, blank=True)
    ok = models.BooleanField(_("resolves"), default=False)
    error = models.CharField(_("error"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("PID check")
        verbose_name_plural = _("PID checks")

    def __str__(self):
        return self.pid
