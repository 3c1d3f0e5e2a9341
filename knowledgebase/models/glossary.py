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
from wagtail_localize.models import StringSegment, StringTranslation


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

    def own_names(self, fallback_fields=()):
        """The label and synonyms in this term's language; [] when even the label is not.

        ``fallback_fields`` are the fields that still show the source text because
        they are not translated yet (see ``fallback_fields``): those are names in
        the source language, not in this one.
        """
        if "label" in fallback_fields:
            return []
        synonyms = [] if "synonyms" in fallback_fields else self.synonym_list()
        return [self.label, *synonyms]

    @classmethod
    def fallback_fields(cls, terms):
        """{(translation key, locale id): {field names}} of the translated terms' fields
        that show their source term's text because they are not translated yet
        (wagtail-localize fills such fields with the source text)."""
        default_locale = Locale.get_default()
        translated = [term for term in terms if term.locale_id != default_locale.pk]
        keys = {term.translation_key for term in translated}
        sources = {
            source.translation_key: source
            for source in cls.objects.filter(translation_key__in=keys, locale=default_locale)
        }
        segments = StringSegment.objects.filter(
            source__object_id__in=keys, source__locale=default_locale
        ).values_list("source__object_id", "context__path", "string_id", "context_id")
        done = set(
            StringTranslation.objects.filter(
                translation_of_id__in={segment[2] for segment in segments},
                locale_id__in={term.locale_id for term in translated},
            ).values_list("translation_of_id", "context_id", "locale_id")
        )
        fields_of = {}
        for key, path, string_id, context_id in segments:
            fields_of.setdefault(key, []).append((path, string_id, context_id))
        fallbacks = {}
        for term in translated:
            source = sources.get(term.translation_key)
            missing = {
                path
                for path, string_id, context_id in fields_of.get(term.translation_key, [])
                if (string_id, context_id, term.locale_id) not in done
                and source is not None
                and getattr(term, path, None) == getattr(source, path, None)
            }
            if missing:
                fallbacks[term.translation_key, term.locale_id] = missing
        return fallbacks

    @classmethod
    def terms_by_key(cls):
        """{key: {language code: term}} over every locale."""
        terms = {}
        for term in cls.objects.select_related("locale").order_by("key", "locale_id"):
            terms.setdefault(term.key, {})[term.locale.language_code] = term
        return terms

    @classmethod
    def names_by_key(cls):
        """{key: {language code: [label, synonyms...]}} over every locale.

        Text a translation only shows because it is not translated yet is left
        out: it is the source language's, not that language's.
        """
        terms_by_key = cls.terms_by_key()
        fallbacks = cls.fallback_fields(
            [term for terms in terms_by_key.values() for term in terms.values()]
        )
        names = {}
        for key, terms in terms_by_key.items():
            names[key] = {}
            for language, term in terms.items():
                own = term.own_names(fallbacks.get((term.translation_key, term.locale_id), ()))
                if own:
                    names[key][language] = own
        return names

    @classmethod
    def source(cls):
        return cls.objects.filter(locale=Locale.get_default())
