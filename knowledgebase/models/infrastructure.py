"""Infrastructure and services members offer: stations, vessels, data centres,
models, training. Each is a page readers can land on from search and the
directory; its members are the ones offering it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from .base import ListingPage, MemberContentPage


class InfrastructureKind(models.TextChoices):
    # Translators: Readers see this on infrastructure pages and the member directory as a kind of
    # infrastructure.
    STATION = "station", _("Research station")
    # Translators: Readers see this on infrastructure pages and the member directory as a kind of
    # infrastructure: a ship.
    VESSEL = "vessel", _("Research vessel")
    # Translators: Readers see this on infrastructure pages and the member directory as a kind of
    # infrastructure.
    DATA_CENTRE = "data-centre", _("Data centre")
    # Translators: Readers see this on infrastructure pages and the member directory as a kind of
    # service: a computer model.
    MODEL = "model", _("Model")
    # Translators: Readers see this on infrastructure pages and the member directory as a kind of
    # service: a training offer.
    TRAINING = "training", _("Training")
    # Translators: Readers see this on infrastructure pages and the member directory as a kind of
    # service: any other.
    OTHER = "other", _("Other service")


class InfrastructureIndexPage(ListingPage):
    subpage_types = ["knowledgebase.InfrastructurePage"]

    class Meta:
        verbose_name = _("infrastructure index")


class InfrastructurePage(MemberContentPage):
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=InfrastructureKind.choices,
        default=InfrastructureKind.STATION,
    )
    description = RichTextField(_("description"), blank=True)
    access_conditions = models.TextField(
        _("access conditions"),
        blank=True,
        help_text=_("Who may use it, how to apply, and what it costs."),
    )
    link = models.URLField(_("link"), blank=True, help_text=_("Where to learn more or apply."))

    override_translatable_fields = MemberContentPage.override_translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("link"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("access_conditions"), FieldPanel("link"), FieldPanel("published")],
            heading=_("Access"),
        ),
        MultiFieldPanel(MemberContentPage.taxonomy_panels, heading=_("Offered by and for")),
        MultiFieldPanel(MemberContentPage.community_panels, heading=_("Communities and notices")),
    ]

    search_fields = MemberContentPage.search_fields + [
        index.SearchField("description"),
        index.SearchField("access_conditions"),
        index.SearchField("kind_label"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["knowledgebase.InfrastructureIndexPage"]
    subpage_types = []

    class Meta:
        # Translators: Readers see this on item cards in lists and search results as the type of an
        # item: a station, vessel or service.
        verbose_name = _("infrastructure")
        verbose_name_plural = _("infrastructure")

    def kind_label(self):
        """The kind in the active language (indexed in the page's own language)."""
        return self.get_kind_display()
