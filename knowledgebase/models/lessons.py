"""Lessons learned: what happened, what worked, what did not, and what to do."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .base import ListingPage, MemberContentPage

LESSON_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class LessonIndexPage(ListingPage):
    subpage_types = ["knowledgebase.LessonPage"]
    listing_order = ["-published", "title"]

    class Meta:
        verbose_name = _("lesson index")


class LessonPage(MemberContentPage):
    context = RichTextField(_("context"), features=LESSON_FEATURES)
    what_happened = RichTextField(_("what happened"), features=LESSON_FEATURES)
    what_worked = RichTextField(_("what worked"), features=LESSON_FEATURES, blank=True)
    what_did_not_work = RichTextField(_("what did not work"), features=LESSON_FEATURES, blank=True)
    recommendation = RichTextField(_("recommendation"), features=LESSON_FEATURES)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("published"),
        FieldPanel("context"),
        FieldPanel("what_happened"),
        FieldPanel("what_worked"),
        FieldPanel("what_did_not_work"),
        FieldPanel("recommendation"),
        MultiFieldPanel(MemberContentPage.taxonomy_panels, heading=_("Classification")),
        MultiFieldPanel(MemberContentPage.community_panels, heading=_("Communities and notices")),
    ]

    search_fields = MemberContentPage.search_fields + [
        index.SearchField("context"),
        index.SearchField("what_happened"),
        index.SearchField("what_worked"),
        index.SearchField("what_did_not_work"),
        index.SearchField("recommendation"),
    ]

    parent_page_types = ["knowledgebase.LessonIndexPage"]
    subpage_types = []

    class Meta:
        # Translators: Readers see this on item cards in lists and search results as the type of an
        # item: a lesson learned.
        verbose_name = _("lesson learned")
        verbose_name_plural = _("lessons learned")

    def sections(self):
        """(heading, html) of the filled-in sections, in reading order."""
        fields = ["context", "what_happened", "what_worked", "what_did_not_work", "recommendation"]
        return [
            (self._meta.get_field(name).verbose_name, getattr(self, name))
            for name in fields
            if getattr(self, name)
        ]
