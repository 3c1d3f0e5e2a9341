from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import BrokenPidsPanel, BrokenPidsReportView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("reports/broken-pids/", BrokenPidsReportView.as_view(), name="broken_pids_report"),
        path(
            "reports/broken-pids/results/",
            BrokenPidsReportView.as_view(results_only=True),
            name="broken_pids_report_results",
        ),
    ]


class BrokenPidsMenuItem(MenuItem):
    def is_shown(self, request):
        return BrokenPidsReportView.permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def register_broken_pids_menu_item():
    return BrokenPidsMenuItem(
        _("Broken PIDs"), reverse("broken_pids_report"), icon_name="link-external", order=9020
    )


@hooks.register("construct_homepage_panels")
def add_broken_pids_panel(request, panels):
    if panel := BrokenPidsPanel.for_user(request.user):
        panels.append(panel)
