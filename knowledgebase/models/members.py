"""Cluster members: projects, organisations and infrastructures."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .base import KnowledgePage, ListingPage, content_in_locale


class MemberKind(models.TextChoices):
    PROJECT = "project", _("Project")
    ORGANISATION = "organisation", _("Organisation")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure")


class MemberIndexPage(ListingPage):
    subpage_types = ["knowledgebase.MemberPage"]

    class Meta:
        verbose_name = _("member index")


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
    contact_name = models.CharField(_("contact name"), max_length=160, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)

    override_translatable_fields = KnowledgePage.override_translatable_fields + [
        SynchronizedField("acronym"),
        SynchronizedField("grant_number"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("contact_name"),
        SynchronizedField("logo"),
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
            ],
            heading=_("Funding and duration"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email")], heading=_("Contact")
        ),
        MultiFieldPanel(KnowledgePage.taxonomy_panels, heading=_("Research focus")),
    ]

    search_fields = KnowledgePage.search_fields + [
        index.SearchField("acronym", boost=3),
        index.AutocompleteField("acronym"),
        index.SearchField("description"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["knowledgebase.MemberIndexPage"]
    subpage_types = []
    content_type_key = "member"

    class Meta:
        verbose_name = _("member")

    @property
    def is_active(self):
        return self.end_date is None or self.end_date >= timezone.localdate()

    @property
    def is_legacy(self):
        return not self.is_active

    @property
    def display_name(self):
        return f"{self.title} ({self.acronym})" if self.acronym else self.title

    def content_by_type(self):
        """This member's guides, lessons and outputs in this page's language."""
        from .guides import GuidePage
        from .lessons import LessonPage
        from .outputs import OutputPage

        pages = content_in_locale(self.locale, members__translation_key=self.translation_key)
        return {
            "guides": [page for page in pages if isinstance(page, GuidePage)],
            "lessons": [page for page in pages if isinstance(page, LessonPage)],
            "outputs": [page for page in pages if isinstance(page, OutputPage)],
        }
