"""Legacy outputs: what a member project leaves behind, kept findable."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from knowledgebase.identifiers import (
    identifier_kind,
    resolver_url,
    validate_persistent_identifier,
)

from .base import ListingPage, MemberContentPage
from .guides import LICENCE_URLS, Licence


class OutputKind(models.TextChoices):
    # Translators: Readers see this on legacy output pages and cards as the kind of output.
    DATASET = "dataset", _("Dataset")
    # Translators: Readers see this on legacy output pages and cards as the kind of output.
    REPORT = "report", _("Report")
    # Translators: Readers see this on legacy output pages and cards as the kind of output.
    SOFTWARE = "software", _("Software")
    # Translators: Readers see this on legacy output pages and cards as the kind of output: courses,
    # slides, exercises.
    TRAINING = "training", _("Training material")


class OutputIndexPage(ListingPage):
    subpage_types = ["knowledgebase.OutputPage"]

    class Meta:
        verbose_name = _("legacy output index")


class OutputPage(MemberContentPage):
    kind = models.CharField(
        _("kind"), max_length=12, choices=OutputKind.choices, default=OutputKind.DATASET
    )
    identifier = models.CharField(
        _("persistent identifier"),
        max_length=300,
        validators=[validate_persistent_identifier],
        help_text=_("DOI (10.xxxx/...), Handle (hdl:...) or a stable web address."),
    )
    custodian = models.CharField(
        _("custodian"), max_length=200, help_text=_("Who keeps the output available now.")
    )
    licence = models.CharField(
        _("licence"), max_length=16, choices=Licence.choices, default=Licence.CC_BY
    )
    access_notes = models.TextField(_("access notes"), blank=True)

    override_translatable_fields = MemberContentPage.override_translatable_fields + [
        SynchronizedField("identifier"),
        SynchronizedField("custodian"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("identifier"),
                FieldPanel("custodian"),
                FieldPanel("licence"),
                FieldPanel("access_notes"),
                FieldPanel("published"),
            ],
            heading=_("Access"),
        ),
        MultiFieldPanel(MemberContentPage.taxonomy_panels, heading=_("Classification")),
        MultiFieldPanel(MemberContentPage.community_panels, heading=_("Communities and notices")),
    ]

    search_fields = MemberContentPage.search_fields + [
        index.SearchField("custodian"),
        index.SearchField("access_notes"),
        index.SearchField("kind_label"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["knowledgebase.OutputIndexPage"]
    subpage_types = []

    class Meta:
        # Translators: Readers see this on item cards in lists and search results as the type of an
        # item: a dataset, report… kept available.
        verbose_name = _("legacy output")

    def kind_label(self):
        """The kind in the active language (indexed in the page's own language)."""
        return self.get_kind_display()

    @property
    def identifier_kind(self):
        return identifier_kind(self.identifier)

    @property
    def identifier_url(self):
        return resolver_url(self.identifier)

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")
