"""Readers' feedback in the admin: the editors' report (every guide and lesson, the most
negative first), the dashboard panel of an author's own members' items, and the
translators' panel of problems readers reported with a translation."""

from django.conf import settings
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from django_filters import BooleanFilter, ChoiceFilter

from knowledgebase.models import Membership

from .items import member_item_keys, with_items, with_language_copies
from .models import Feedback

DASHBOARD_ITEMS = 10


class FeedbackFilterSet(WagtailFilterSet):
    language = ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    about_translation = BooleanFilter(label=_("About the translation"))

    class Meta:
        model = Feedback
        fields = ["language", "about_translation"]


def item_title(row):
    return row["page"].title if row["page"] else _("(deleted page)")


def edit_url(row):
    return reverse("wagtailadmin_pages:edit", args=[row["page"].pk]) if row["page"] else None


def comments_text(row):
    return " · ".join(Truncator(comment).chars(200) for comment in row["comments"])


class FeedbackReportView(ReportView):
    page_title = _("Reader feedback")
    header_icon = "comment"
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    filterset_class = FeedbackFilterSet
    permission_policy = ModelPermissionPolicy(Feedback)
    permission_required = "view"
    columns = [
        TitleColumn("title", label=_("Guide or lesson"), get_url=edit_url),
        NumberColumn("not_useful_count", label=_("Not useful")),
        NumberColumn("useful_count", label=_("Useful")),
        Column("comments", label=_("Latest comments"), accessor=comments_text),
        Column("latest", label=_("Latest")),
    ]
    list_export = ["title", "not_useful_count", "useful_count", "latest"]
    export_headings = {
        "title": _("Guide or lesson"),
        "not_useful_count": _("Not useful"),
        "useful_count": _("Useful"),
        "latest": _("Latest"),
    }

    def get_base_queryset(self):
        return Feedback.objects.all()

    def get_filtered_queryset(self):
        """Filters narrow the entries counted; then one row per item."""
        return self.filter_queryset(self.get_queryset()).per_item()

    def decorate_paginated_queryset(self, object_list):
        rows = with_items(object_list)
        for row in rows:
            row["title"] = item_title(row)
        return rows


class MemberFeedbackPanel(Component):
    """Feedback on the guides and lessons of the members the user writes for."""

    name = "member_feedback"
    template_name = "feedback/dashboard_panel.html"
    order = 160

    def __init__(self, user):
        self.user = user

    def is_shown(self):
        return Membership.members_of(self.user).exists()

    def get_context_data(self, parent_context):
        keys = member_item_keys(self.user)
        rows = Feedback.objects.filter(translation_key__in=keys).per_item()[:DASHBOARD_ITEMS]
        return {"rows": with_items(rows)}


class TranslationProblemsPanel(Component):
    """The latest problems readers reported with a translation, each with the language
    copy it was read in, for the translators."""

    name = "translation_problems"
    template_name = "feedback/translation_problems_panel.html"
    order = 150

    def __init__(self, user):
        self.user = user

    def is_shown(self):
        """For those who may translate pages (wagtail-localize's permission)."""
        return self.user.has_perm("wagtail_localize.submit_translation")

    def get_context_data(self, parent_context):
        entries = Feedback.objects.filter(about_translation=True)[:DASHBOARD_ITEMS]
        return {"entries": with_language_copies(entries)}
