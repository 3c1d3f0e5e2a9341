"""The home page: an introduction, featured guides, latest lessons and ways in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, Page

from modelcluster.fields import ParentalManyToManyField

from knowledgebase import content_types
from knowledgebase.models import (
    GuidePage,
    LessonPage,
    MemberIndexPage,
    MemberPage,
    Region,
    RegionIndexPage,
    Topic,
    TopicIndexPage,
)
from knowledgebase.models.base import (
    SourceRestrictionsMixin,
    in_source_language,
    language_share,
    live_in_locale,
    own_language_first,
)

LATEST_LESSONS = 5
# The home page's note on how much is in the reader's language, as the template's
# blocktranslate writes it (to know whether it is translated and name the language).
SHARE_MESSAGE = {
    "singular": "%(count)s of %(total)s guides, lessons and outputs is in %(language)s; "
    "the others are shown in the language they were written in.",
    "plural": "%(count)s of %(total)s guides, lessons and outputs are in %(language)s; "
    "the others are shown in the language they were written in.",
}


class HomePage(SourceRestrictionsMixin, Page):
    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    featured_guides = ParentalManyToManyField(
        "knowledgebase.GuidePage",
        verbose_name=_("featured guides"),
        blank=True,
        related_name="+",
        limit_choices_to=in_source_language,
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("featured_guides", widget=forms.CheckboxSelectMultiple),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # An index page per content type (knowledgebase.content_types), then the browse pages.
    subpage_types = [
        content_type.index_model_label for content_type in content_types.CONTENT_TYPES
    ] + ["knowledgebase.TopicIndexPage", "knowledgebase.RegionIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def featured_in_locale(self):
        """Featured guides in this page's language where they exist."""
        translations = live_in_locale(GuidePage, self.locale).filter(
            translation_key__in=self.featured_guides.values("translation_key")
        )
        return list(own_language_first(translations, "path"))

    def latest_lessons(self):
        lessons = live_in_locale(LessonPage, self.locale)
        return own_language_first(lessons, "-published")[:LATEST_LESSONS]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            featured_guides=self.featured_in_locale(),
            latest_lessons=self.latest_lessons(),
            top_topics=Topic.localized(self.locale, parent=None),
            top_regions=Region.localized(self.locale, parent=None),
            members=live_in_locale(MemberPage, self.locale).order_by("kind", "title"),
            topic_index=live_in_locale(TopicIndexPage, self.locale).first(),
            region_index=live_in_locale(RegionIndexPage, self.locale).first(),
            member_index=live_in_locale(MemberIndexPage, self.locale).first(),
        )
        if self.locale != Locale.get_default():
            context["in_language"], context["in_all"] = language_share(self.locale)
            context["share_message"] = SHARE_MESSAGE
        return context
