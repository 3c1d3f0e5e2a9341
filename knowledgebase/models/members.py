"""Cluster members: projects, organisations and infrastructures."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from knowledgebase.blocks import ContactPointBlock
from knowledgebase.per_request import default_locale
from knowledgebase.visibility import visible

from .base import (
    KnowledgePage,
    content_in_locale,
    in_source_language,
    member_content_types,
    visible_in_locale,
)

# Who may name a member's custodian: those who decide who writes for which member.
HANDOVER_PERMISSION = "knowledgebase.change_membership"


class MemberKind(models.TextChoices):
    # Translators: Readers see this on member pages and the member directory as the kind of member:
    # a research project.
    PROJECT = "project", _("Project")
    # Translators: Readers see this on member pages and the member directory as the kind of member:
    # an organisation.
    ORGANISATION = "organisation", _("Organisation")
    # Translators: Readers see this on member pages and the member directory as the kind of member:
    # a research infrastructure.
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")


class MemberPage(KnowledgePage):
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    kind = models.CharField(
        _("kind"), max_length=16, choices=MemberKind.choices, default=MemberKind.PROJECT
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    funding_programme = models.CharField(_("funding programme"), max_length=160, blank=True)
    grant_number = models.CharField(_("grant number"), max_length=60, blank=True)
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    description = RichTextField(_("description"), blank=True)
    expertise = models.TextField(
        _("expertise"),
        blank=True,
        help_text=_(
            "What the member can help others with, in a few sentences. Its fields of "
            "expertise are its topics and regions."
        ),
    )
    contact_points = StreamField(
        [("contact_point", ContactPointBlock())],
        verbose_name=_("contact points"),
        blank=True,
    )
    # Where enquiries to this member go (contact.routing); never shown to readers.
    contact_name = models.CharField(_("contact name"), max_length=160, blank=True)
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Enquiries to this member are sent here. Not shown to readers."),
    )
    custodian = models.ForeignKey(
        "self",
        verbose_name=_("custodian"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=in_source_language,
        help_text=_(
            "When the project has ended: the member that keeps its items current. "
            "Its authors may edit them; they stay attributed to this member."
        ),
    )

    override_translatable_fields = KnowledgePage.override_translatable_fields + [
        SynchronizedField("acronym"),
        SynchronizedField("funding_programme"),
        SynchronizedField("grant_number"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("contact_name"),
        SynchronizedField("logo"),
        SynchronizedField("custodian", overridable=False),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("acronym"),
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("logo"),
        MultiFieldPanel(
            [
                FieldPanel("website"),
                FieldPanel("funding_programme"),
                FieldPanel("grant_number"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                # Handing a member's items over is the Cluster editors' decision.
                FieldPanel("custodian", permission=HANDOVER_PERMISSION),
            ],
            heading=_("Funding and duration"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_points"), FieldPanel("contact_name"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("expertise"), *KnowledgePage.taxonomy_panels], heading=_("Expertise")
        ),
    ]

    search_fields = KnowledgePage.search_fields + [
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("description"),
        index.SearchField("expertise"),
        index.SearchField("funding_programme"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["knowledgebase.MemberIndexPage"]
    subpage_types = []

    class Meta:
        # Translators: Readers see this on item cards in lists and search results as the type of an
        # item: a member.
        verbose_name = _("member")

    @cached_property
    def member_key(self):
        """Stable key in search filters: the slug of the source-language version."""
        if self.locale_id == default_locale().pk:
            return self.slug
        source = self.get_translations().filter(locale=default_locale(), alias_of=None)
        return source.values_list("slug", flat=True).first() or self.slug

    @classmethod
    def sources_for_keys(cls, keys):
        """The visible source-language members with these keys."""
        return visible(cls.objects.filter(locale=default_locale(), alias_of=None, slug__in=keys))

    @classmethod
    def labels(cls, keys, locale):
        """{key: short name} in the locale where translated, else in the source language."""
        sources = {page.translation_key: page for page in cls.sources_for_keys(keys)}
        labels = {page.slug: page.short_name for page in sources.values()}
        translated = visible(
            cls.objects.filter(locale=locale, alias_of=None, translation_key__in=sources)
        )
        for page in translated:
            labels[sources[page.translation_key].slug] = page.short_name
        return labels

    @classmethod
    def names_for_keys(cls, keys):
        """Every name of these members in every language they are translated into."""
        groups = cls.sources_for_keys(keys).values("translation_key")
        names = set()
        translations = visible(cls.objects.filter(translation_key__in=groups, alias_of=None))
        for title, acronym in translations.values_list("title", "acronym"):
            names.update(filter(None, (title, acronym)))
        return sorted(names)

    def member_keys(self):
        return [self.member_key]

    @property
    def indexed_title(self):
        """The title with the acronym, so either finds the member."""
        return self.display_name

    @property
    def short_name(self):
        return self.acronym or self.title

    @property
    def is_active(self):
        return self.end_date is None or self.end_date >= timezone.localdate()

    @property
    def is_legacy(self):
        return not self.is_active

    @property
    def display_name(self):
        """ "Title (ACRONYM)"; brackets inside the acronym become square ones, as brackets
        inside brackets are written: "Title (SFSN [demo])"."""
        if not self.acronym:
            return self.title
        acronym = self.acronym.translate(str.maketrans("()", "[]"))
        return f"{self.title} ({acronym})"

    def custodian_in_locale(self):
        """The member keeping this one's items current, as readers may see it in this
        page's language; None when there is none or readers may not see it."""
        if self.custodian_id is None:
            return None
        custodians = MemberPage.objects.filter(pk=self.custodian_id)
        return next(iter(visible_in_locale(custodians, MemberPage, self.locale)), None)

    def content_sections(self):
        """This member's guides, lessons and outputs in this page's language, one section
        per content type: [(content type, pages)]."""
        pages = content_in_locale(self.locale, "members", [self.translation_key])
        return [
            (content_type, [page for page in pages if isinstance(page, content_type.model)])
            for content_type in member_content_types()
        ]

    def content_by_type(self):
        """{"guides": [...], "lessons": [...], "outputs": [...]}: see content_sections."""
        return {kind.index_slug: pages for kind, pages in self.content_sections()}


class Membership(models.Model):
    """A user writes for a member: the member's workspace is theirs to author in."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    member = models.ForeignKey(
        MemberPage,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("member"),
    )
    created = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "member"], name="one_membership_per_member")
        ]

    def __str__(self):
        return f"{self.user} – {self.member}"

    @staticmethod
    def members_of(user):
        """The source-language member pages the user writes for."""
        return MemberPage.objects.filter(memberships__user=user)

    @staticmethod
    def members_in_care_of(user):
        """The members whose items the user keeps: those they write for, and those
        handed over to a member they write for."""
        return MemberPage.objects.filter(
            Q(memberships__user=user) | Q(custodian__memberships__user=user)
        ).distinct()
