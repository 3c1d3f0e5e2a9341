"""The multilingual glossary: concepts of polar work with their names in every language.

Each term has a stable ``key`` shared by its translations, a preferred label and
synonyms per language. Translators use it for consistent terms, readers browse it
at /<lang>/glossary/, and search uses it to find an item in any language it
exists in: a label or synonym found in a query brings in the term's labels in
the other languages.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField


class GlossaryTerm(TranslatableMixin, index.Indexed, models.Model):
    key = models.SlugField(
        _("key"),
        max_length=80,
        help_text=_("Stable identifier of the concept; the same in all languages."),
    )
    label = models.CharField(_("preferred label"), max_length=120)
    synonyms = models.TextField(
        _("synonyms"),
        blank=True,
        help_text=_("Other names of the concept in this language, one per line."),
    )
    definition = models.TextField(_("definition"), blank=True)

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("synonyms"),
        TranslatableField("definition"),
        SynchronizedField("key", overridable=False),
    ]

    panels = [
        FieldPanel("label"),
        FieldPanel("key"),
        FieldPanel("synonyms"),
        FieldPanel("definition"),
    ]

    search_fields = [
        index.SearchField("label", boost=2),
        index.AutocompleteField("label"),
        index.SearchField("synonyms"),
        index.FilterField("locale"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["label"]
        unique_together = [("translation_key", "locale"), ("key", "locale")]

    def __str__(self):
        return self.label

    def synonym_list(self):
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]

    def names(self):
        """The preferred label first, then the synonyms."""
        return [self.label, *self.synonym_list()]

    @classmethod
    def names_by_key(cls):
        """{key: {language code: [label, synonyms...]}} over every locale."""
        names = {}
        for term in cls.objects.select_related("locale"):
            names.setdefault(term.key, {})[term.locale.language_code] = term.names()
        return names

    @classmethod
    def source(cls):
        return cls.objects.filter(locale=Locale.get_default())
