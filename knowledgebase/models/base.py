"""What every knowledge page shares: a plain-language summary, a date, topics,
regions and the members behind it; plus the listing helpers that browse pages
(topic, region, member, home) use."""

import datetime

from django import forms
from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.coreutils import resolve_model_string
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.fields import ParentalManyToManyField

from knowledgebase.admin_forms import KnowledgePageForm
from knowledgebase.content_types import CONTENT_TYPES, key_of
from knowledgebase.per_request import remember
from knowledgebase.permissions import KnowledgePagePermissionTester, MemberContentForm
from knowledgebase.visibility import (
    refuse_publishing_if_held,
    view_restrictions,
    visible,
    with_languages,
)

PAGE_SIZE = 20


def in_source_language():
    """Choosers offer source-language items: every translation refers to them by key."""
    return Q(locale__language_code=settings.LANGUAGE_CODE)


class SourceRestrictionsMixin:
    """A translation or alias also obeys the view restrictions of its source's tree
    (see knowledgebase.visibility)."""

    def get_view_restrictions(self):
        return view_restrictions(self)


class KnowledgePage(SourceRestrictionsMixin, Page):
    """Abstract base of guides, lessons, members and legacy outputs."""

    summary = models.TextField(
        _("summary"),
        max_length=600,
        help_text=_("Plain-language summary shown first and in search results."),
    )
    published = models.DateField(_("date"), default=datetime.date.today)
    topics = ParentalManyToManyField(
        "knowledgebase.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
        limit_choices_to=in_source_language,
    )
    regions = ParentalManyToManyField(
        "knowledgebase.Region",
        verbose_name=_("regions"),
        blank=True,
        related_name="+",
        limit_choices_to=in_source_language,
    )

    override_translatable_fields = [
        SynchronizedField("published"),
        SynchronizedField("topics"),
        SynchronizedField("regions"),
    ]

    taxonomy_panels = [
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("regions", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = KnowledgePageForm

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=2),
        index.FilterField("published"),
        index.FilterField("locale_id"),
    ]

    class Meta:
        abstract = True

    @property
    def content_type_key(self):
        """The page type's key in knowledgebase.content_types: the search's type facet value."""
        return key_of(self)

    def permissions_for_user(self, user):
        return KnowledgePagePermissionTester(user, self)

    def topic_keys(self):
        return [topic.key for topic in self.topics.all()]

    def region_keys(self):
        return [region.key for region in self.regions.all()]

    def member_keys(self):
        """Keys of the members behind the page (the search's member facet)."""
        return []

    def reviewed_on(self):
        """The date of the page's last review (the search's "recently reviewed" order);
        None for a type that is not reviewed on a schedule."""
        return None

    @property
    def indexed_title(self):
        """The title as search indexes it."""
        return self.title


class MemberContentPage(KnowledgePage):
    """A knowledge page written or produced by one or more members."""

    written_by_members = True  # its members' authors may edit it (knowledgebase.permissions)

    members = ParentalManyToManyField(
        "knowledgebase.MemberPage",
        verbose_name=_("members"),
        blank=True,
        related_name="+",
        limit_choices_to=in_source_language,
    )

    communities = ParentalManyToManyField(
        "knowledgebase.Community",
        verbose_name=_("concerns communities"),
        blank=True,
        related_name="+",
        limit_choices_to=in_source_language,
        help_text=_(
            "Indigenous or local communities this item is about. It is published only "
            "after a community reviewer of each has approved it."
        ),
    )
    notices = ParentalManyToManyField(
        "knowledgebase.CulturalNotice",
        verbose_name=_("notices"),
        blank=True,
        related_name="+",
        limit_choices_to=in_source_language,
        help_text=_("Local Contexts notices shown on the page, in the reader's language."),
    )

    override_translatable_fields = KnowledgePage.override_translatable_fields + [
        SynchronizedField("members"),
        SynchronizedField("communities", overridable=False),
        SynchronizedField("notices", overridable=False),
    ]

    taxonomy_panels = [
        FieldPanel("members", widget=forms.CheckboxSelectMultiple),
        *KnowledgePage.taxonomy_panels,
    ]
    base_form_class = MemberContentForm
    community_panels = [
        FieldPanel("communities", widget=forms.CheckboxSelectMultiple),
        FieldPanel("notices", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta:
        abstract = True

    def publish(self, revision, *args, **kwargs):
        # Every path (admin, workflow, translations, scheduled publishing) ends here.
        refuse_publishing_if_held(revision.as_object())
        return super().publish(revision, *args, **kwargs)

    def member_keys(self):
        return sorted(member.member_key for member in visible(self.members.all()))

    def community_keys(self):
        return [community.key for community in self.communities.all()]

    def cultural_notices(self):
        """The page's notices in the reader's language (or the source language)."""
        from .communities import CulturalNotice

        keys = [notice.key for notice in self.notices.all()]
        return CulturalNotice.localized(Locale.get_active(), keys) if keys else []

    def visible_members(self):
        """The page's members that readers may see, in this page's language where it exists."""
        return visible_in_locale(self.members.all(), self.members.model, self.locale)


class ListingPage(SourceRestrictionsMixin, Page):
    """Abstract index page listing its live children, e.g. all guides."""

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1
    listing_order = ["title"]

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        """One template for every kind of listing (Wagtail names one per page class)."""
        return "knowledgebase/listing_page.html"

    def permissions_for_user(self, user):
        return KnowledgePagePermissionTester(user, self)

    def listed_pages(self):
        model = self.specific_class.subpage_types[0]
        pages = live_in_locale(resolve_model_string(model), self.locale).child_of(self)
        return own_language_first(pages, *self.listing_order)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = paginate(request, self.listed_pages())
        return context


def live_in_locale(model, locale):
    """Pages of a model in a locale that readers may see (see knowledgebase.visibility)."""
    return with_languages(visible(model.objects.filter(locale=locale)))


def own_language_first(pages, *order):
    """Pages translated into their locale's language first, then the copies shown in
    their original language (aliases), each group in ``order``."""
    untranslated = ExpressionWrapper(Q(alias_of__isnull=False), output_field=BooleanField())
    return pages.alias(untranslated=untranslated).order_by("untranslated", *order)


def visible_in_locale(sources, model, locale):
    """The visible pages among ``sources``, each in the locale where readers may see
    it there, otherwise in its own language."""
    sources = list(with_languages(visible(sources)))
    keys = [source.translation_key for source in sources]
    local = live_in_locale(model, locale).filter(translation_key__in=keys)
    by_key = {page.translation_key: page for page in local}
    return [by_key.get(source.translation_key, source) for source in sources]


def member_content_types():
    """The content types members write or produce: guides, lessons and outputs."""
    return [c for c in CONTENT_TYPES if issubclass(c.model, MemberContentPage)]


def content_models():
    return [content_type.model for content_type in member_content_types()]


# How content is tagged: a listing's field, and the lookup of its keys.
TAGGED_BY = {
    "topics": "topics__key",
    "regions": "regions__key",
    "members": "members__translation_key",
}


def content_in_locale(locale, field=None, keys=()):
    """Guides, lessons and outputs live in a locale, newest first; with ``field``
    ("topics", "regions" or "members"), only those tagged with one of ``keys``
    (topic or region keys, member pages' translation keys).

    What readers may see in each locale, and how it is tagged, is worked out once
    per reading request; the sequence loads only the pages it is asked for.
    """
    listing = remember(("content in locale", locale.pk), lambda: _listing(locale))
    if field is not None:
        wanted = {str(key) for key in keys}
        listing = [entry for entry in listing if not wanted.isdisjoint(entry[2][field])]
    return ContentPages([(label, pk) for label, pk, _tags in listing])


def language_share(locale):
    """(how many, of how many) guides, lessons and outputs readers may see in a locale
    are written in its language (not copies shown in their original language)."""

    def count():
        own = total = 0
        for model in content_models():
            pages = visible(model.objects.filter(locale=locale))
            counts = pages.aggregate(
                total=models.Count("pk"), own=models.Count("pk", filter=Q(alias_of=None))
            )
            own, total = own + counts["own"], total + counts["total"]
        return own, total

    return remember(("language share", locale.pk), count)


def _listing(locale):
    """[(model label, page id, {field: tag keys})] of the content readers may see in a
    locale: what is written in its language first, then the rest, each newest first."""
    found = []
    for model in content_models():
        pages = visible(model.objects.filter(locale=locale))
        tags = {}
        for pk, day, alias_of in pages.values_list("pk", "published", "alias_of_id"):
            tags[pk] = {field: set() for field in TAGGED_BY}
            found.append((alias_of is None, day, pk, model._meta.label, tags[pk]))
        for field, lookup in TAGGED_BY.items():
            tagged = pages.filter(**{f"{lookup}__isnull": False}).values_list("pk", lookup)
            for pk, key in tagged:
                tags[pk][field].add(str(key))
    found.sort(key=lambda entry: entry[:3], reverse=True)
    return [(label, pk, tags) for _own, _day, pk, label, tags in found]


# What a listing's card shows of a page (templates/components/page_card.html).
CARD_FIELDS = [
    "title",
    "summary",
    "url_path",
    "path",
    "depth",
    "content_type",
    "translation_key",
    "locale",
    "alias_of__locale",
]


class ContentPages:
    """Pages of several models in a given order, loaded when asked for, by model in one
    query each."""

    def __init__(self, entries):
        self.entries = entries

    def __len__(self):
        return len(self.entries)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return self._load(self.entries[index])
        return self._load([self.entries[index]])[0]

    def __iter__(self):
        return iter(self._load(self.entries))

    @staticmethod
    def _load(entries):
        ids = {}
        for label, pk in entries:
            ids.setdefault(label, []).append(pk)
        pages = {}
        for label, pks in ids.items():
            model = apps.get_model(label)
            for page in with_languages(model.objects.filter(pk__in=pks)).only(*CARD_FIELDS):
                pages[label, page.pk] = page
        return [pages[entry] for entry in entries if entry in pages]


def paginate(request, items, per_page=PAGE_SIZE):
    """A page of items from ?page=, forgiving about bad or out-of-range numbers."""
    return Paginator(items, per_page).get_page(request.GET.get("page"))
