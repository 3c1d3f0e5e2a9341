"""Topics and regions: translatable, hierarchical taxonomies.

Each item has a stable ``key`` (the slug of the source-language item) that is
the same in every language; content refers to items by key, so a guide tagged
with a child counts under every ancestor, whatever the language.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from knowledgebase.per_request import default_locale, remember


class TaxonomyQuerySet(models.QuerySet):
    def source(self):
        return self.filter(locale=default_locale())


class TaxonomyItem(TranslatableMixin, index.Indexed, models.Model):
    key = models.SlugField(
        _("key"),
        max_length=80,
        help_text=_(
            "Stable identifier used in URLs and search filters; the same in all languages."
        ),
    )
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    objects = TaxonomyQuerySet.as_manager()

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("key", overridable=False),
        SynchronizedField("parent", overridable=False),
        SynchronizedField("sort_order", overridable=False),
    ]

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("parent"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]

    search_fields = [
        index.SearchField("name", boost=2),
        index.AutocompleteField("name"),
        index.SearchField("description"),
        index.FilterField("locale"),
        index.FilterField("parent"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.key == self.key:
                raise ValidationError({"parent": _("An item cannot be its own ancestor.")})
            ancestor = ancestor.parent

    def ancestor_keys(self):
        """Keys of this item's ancestors, nearest first."""
        keys, ancestor = [], self.parent
        while ancestor is not None:
            keys.append(ancestor.key)
            ancestor = ancestor.parent
        return keys

    @classmethod
    def descendant_keys(cls, key):
        """The key itself and the keys of every item below it."""
        children_by_parent = remember(
            ("taxonomy children", cls._meta.label), cls._children_by_parent
        )
        keys, frontier = [key], [key]
        while frontier:
            frontier = [child for k in frontier for child in children_by_parent.get(k, [])]
            keys.extend(frontier)
        return keys

    @classmethod
    def _children_by_parent(cls):
        children_by_parent = {}
        for item_key, parent_key in cls.objects.source().values_list("key", "parent__key"):
            children_by_parent.setdefault(parent_key, []).append(item_key)
        return children_by_parent

    @classmethod
    def localized(cls, locale, **filters):
        """Items in the locale; source-language items stand in for missing translations."""
        default = default_locale()
        rows = cls.objects.filter(locale__in={locale.pk, default.pk}, **filters).select_related(
            "parent", "locale"
        )
        by_key = {}
        for item in rows:
            if item.key not in by_key or item.locale_id == locale.pk:
                by_key[item.key] = item
        return sorted(by_key.values(), key=lambda item: (item.sort_order, item.name))

    @classmethod
    def all_localized(cls, locale):
        """``localized(locale)``: every item, worked out once per reading request."""
        return remember(("taxonomy", cls._meta.label, locale.pk), lambda: cls.localized(locale))

    @classmethod
    def tree(cls, locale):
        """[(item, depth)] of every item in the locale, in tree order."""
        children = {}
        for item in cls.all_localized(locale):
            children.setdefault(item.parent.key if item.parent else None, []).append(item)
        ordered = []

        def walk(parent_key, depth):
            for item in children.get(parent_key, []):
                ordered.append((item, depth))
                walk(item.key, depth + 1)

        walk(None, 0)
        return ordered

    @classmethod
    def children_of(cls, key, locale):
        """The items right below the item with this key, in the locale."""
        return [
            item for item in cls.all_localized(locale) if item.parent and item.parent.key == key
        ]

    @classmethod
    def for_key(cls, key, locale):
        """The item with this key in the locale (or the source language), else None."""
        return next((item for item in cls.all_localized(locale) if item.key == key), None)

    @classmethod
    def labels(cls, keys, locale):
        """{key: name} in the locale, falling back to the source language."""
        keys = set(keys)
        return {item.key: item.name for item in cls.all_localized(locale) if item.key in keys}


class Topic(TaxonomyItem):
    class Meta(TaxonomyItem.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("key", "locale")]


class Region(TaxonomyItem):
    class Meta(TaxonomyItem.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        unique_together = [("translation_key", "locale"), ("key", "locale")]
