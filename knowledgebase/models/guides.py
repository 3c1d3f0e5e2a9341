"""Best-practice guides: summary first, a structured body, and a review cycle."""

import calendar
import datetime

from django import forms
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.fields import ParentalManyToManyField

from knowledgebase.blocks import GuideBodyBlock, table_of_contents
from knowledgebase.identifiers import resolver_url, validate_doi

from .base import ListingPage, MemberContentPage, in_source_language, visible_in_locale


class Maturity(models.TextChoices):
    # Translators: Readers see this on guide pages as the maturity of the practice: new, not yet
    # widely tried.
    EMERGING = "emerging", _("Emerging")
    # Translators: Readers see this on guide pages as the maturity of the practice: in regular use.
    PRACTISED = "practised", _("Practised")
    # Translators: Readers see this on guide pages as the maturity of the practice: formally
    # recommended.
    ENDORSED = "endorsed", _("Endorsed")


class Licence(models.TextChoices):
    # Translators: Readers see this on guide and output pages as the licence; keep "Creative
    # Commons" and the short code as names.
    CC_BY = "CC-BY-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")
    # Translators: Readers see this on guide and output pages as the licence; keep "Creative
    # Commons" and the short code as names.
    CC_BY_SA = "CC-BY-SA-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)")
    # Translators: Readers see this on guide and output pages as the licence; keep "Creative
    # Commons" and the short code as names.
    CC_BY_NC = "CC-BY-NC-4.0", _("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC 4.0)")
    # Translators: Readers see this on guide and output pages as the licence; keep "CC0" as a name.
    CC0 = "CC0-1.0", _("Public domain dedication (CC0 1.0)")
    # Translators: Readers see this on guide and output pages as the licence: no reuse without
    # permission.
    RESERVED = "reserved", _("All rights reserved")


LICENCE_URLS = {
    Licence.CC_BY: "https://creativecommons.org/licenses/by/4.0/",
    Licence.CC_BY_SA: "https://creativecommons.org/licenses/by-sa/4.0/",
    Licence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/",
    Licence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/",
}


def add_months(day, months):
    """The same day ``months`` later, or the month's last day when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last_day))


class GuideIndexPage(ListingPage):
    subpage_types = ["knowledgebase.GuidePage"]

    class Meta:
        verbose_name = _("guide index")


class GuidePage(MemberContentPage):
    body = StreamField(GuideBodyBlock(), verbose_name=_("body"))
    audience = models.CharField(
        _("audience"), max_length=255, blank=True, help_text=_("Who the guide is for.")
    )
    maturity = models.CharField(
        _("maturity"), max_length=12, choices=Maturity.choices, default=Maturity.EMERGING
    )
    last_reviewed = models.DateField(_("last reviewed"), default=datetime.date.today)
    review_interval_months = models.PositiveSmallIntegerField(
        _("review interval (months)"), default=24
    )
    licence = models.CharField(
        _("licence"), max_length=16, choices=Licence.choices, default=Licence.CC_BY
    )
    doi = models.CharField(_("DOI"), max_length=200, blank=True, validators=[validate_doi])
    citation = models.TextField(_("how to cite"), blank=True)
    related_guides = ParentalManyToManyField(
        "self",
        verbose_name=_("related guides"),
        blank=True,
        symmetrical=False,
        limit_choices_to=in_source_language,
    )

    override_translatable_fields = MemberContentPage.override_translatable_fields + [
        SynchronizedField("last_reviewed"),
        SynchronizedField("review_interval_months"),
        SynchronizedField("doi"),
        SynchronizedField("related_guides"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(MemberContentPage.taxonomy_panels, heading=_("Classification")),
        MultiFieldPanel(MemberContentPage.community_panels, heading=_("Communities and notices")),
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("maturity"),
                FieldPanel("published"),
                FieldPanel("last_reviewed"),
                FieldPanel("review_interval_months"),
            ],
            heading=_("Status and review"),
        ),
        MultiFieldPanel(
            [FieldPanel("licence"), FieldPanel("doi"), FieldPanel("citation")],
            heading=_("Licence and citation"),
        ),
        FieldPanel("related_guides", widget=forms.CheckboxSelectMultiple),
    ]

    search_fields = MemberContentPage.search_fields + [
        index.SearchField("body"),
        index.SearchField("audience"),
        index.FilterField("maturity"),
    ]

    parent_page_types = ["knowledgebase.GuideIndexPage"]
    subpage_types = []

    class Meta:
        # Translators: Readers see this on item cards in lists and search results as the type of an
        # item: a guide.
        verbose_name = _("guide")

    def reviewed_on(self):
        return self.last_reviewed

    @property
    def review_due(self):
        return add_months(self.last_reviewed, self.review_interval_months)

    @property
    def is_review_overdue(self):
        return self.review_due < timezone.localdate()

    @property
    def licence_url(self):
        return LICENCE_URLS.get(self.licence, "")

    @property
    def doi_url(self):
        return resolver_url(self.doi) if self.doi else ""

    def table_of_contents(self):
        return table_of_contents(self.body)

    def related_in_locale(self):
        """Related guides readers may see, in this page's language where it exists."""
        return visible_in_locale(self.related_guides.all(), GuidePage, self.locale)
