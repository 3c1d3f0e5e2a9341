from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import FeedbackReportView, MemberFeedbackPanel, TranslationProblemsPanel


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/feedback/", FeedbackReportView.as_view(), name="feedback_report"),
        path(
            "reports/feedback/results/",
            FeedbackReportView.as_view(results_only=True),
            name="feedback_report_results",
        ),
    ]


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return FeedbackReportView.permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_feedback_menu_item():
    return FeedbackMenuItem(
        _("Reader feedback"), reverse("feedback_report"), icon_name="comment", order=9010
    )


@hooks.register("construct_homepage_panels")
def add_feedback_panels(request, panels):
    for panel in (MemberFeedbackPanel(request.user), TranslationProblemsPanel(request.user)):
        if panel.is_shown():
            panels.append(panel)
