"""Indigenous and local communities that content may concern, and the Local Contexts
notices (Traditional Knowledge, Biocultural …) a page may carry.

Both are translatable snippets with a stable ``key``, the same in every language.
Whether a community has consented to a page is recorded outside the content app
(see knowledgebase.visibility for how that gate reaches every reader surface).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField


class KeyedSnippet(TranslatableMixin, models.Model):
    key = models.SlugField(
        _("key"), max_length=80, help_text=_("Stable identifier, the same in all languages.")
    )

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @classmethod
    def localized(cls, locale, keys):
        """The items with these keys in the locale; source-language items stand in for
        missing translations. Kept in the order of ``keys``."""
        rows = cls.objects.filter(key__in=keys, locale__in={locale.pk, Locale.get_default().pk})
        by_key = {}
        for item in rows:
            if item.key not in by_key or item.locale_id == locale.pk:
                by_key[item.key] = item
        return [by_key[key] for key in keys if key in by_key]


class Community(KeyedSnippet):
    """An Indigenous or local community whose consent content about it needs."""

    name = models.CharField(_("name"), max_length=160)

    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("key", overridable=False),
    ]
    panels = [FieldPanel("name"), FieldPanel("key")]

    class Meta(KeyedSnippet.Meta):
        verbose_name = _("community")
        verbose_name_plural = _("communities")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NoticeKind(models.TextChoices):
    TRADITIONAL_KNOWLEDGE = "tk", _("Traditional Knowledge notice")
    BIOCULTURAL = "bc", _("Biocultural notice")
    ATTRIBUTION_INCOMPLETE = "attribution", _("Attribution incomplete notice")
    OPEN_TO_COLLABORATE = "collaborate", _("Open to collaborate notice")


class CulturalNotice(KeyedSnippet):
    """A Local Contexts–style notice: a label and a text shown on the pages carrying it."""

    kind = models.CharField(
        _("kind"),
        max_length=16,
        choices=NoticeKind.choices,
        default=NoticeKind.TRADITIONAL_KNOWLEDGE,
    )
    label = models.CharField(_("label"), max_length=160)
    text = models.TextField(_("text"))

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("text"),
        SynchronizedField("key", overridable=False),
        SynchronizedField("kind", overridable=False),
    ]
    panels = [FieldPanel("label"), FieldPanel("key"), FieldPanel("kind"), FieldPanel("text")]

    class Meta(KeyedSnippet.Meta):
        verbose_name = _("cultural notice")
        verbose_name_plural = _("cultural notices")
        ordering = ["kind", "label"]

    def __str__(self):
        return self.label
