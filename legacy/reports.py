"""Broken PIDs in the admin: the editors' report (Reports → Broken PIDs) and the
dashboard panel of the authors who keep the outputs (their members' and those handed
over to them)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from knowledgebase.models import Membership

from .models import PidCheck
from .pids import broken_checks


def edit_url(check):
    return reverse("wagtailadmin_pages:edit", args=[check.output_id])


def outcome(check):
    return check.status_code or check.error


class BrokenPidsReportView(ReportView):
    page_title = _("Broken PIDs")
    header_icon = "link-external"
    index_url_name = "broken_pids_report"
    index_results_url_name = "broken_pids_report_results"
    permission_policy = ModelPermissionPolicy(PidCheck)
    permission_required = "view"
    columns = [
        TitleColumn("output", label=_("Legacy output"), get_url=edit_url),
        Column("pid", label=_("Persistent identifier")),
        Column("outcome", label=_("Answer"), accessor=outcome),
        Column("final_url", label=_("Final address")),
        DateColumn("checked_at", label=_("Checked")),
    ]
    list_export = ["output", "pid", "status_code", "error", "final_url", "checked_at"]

    def get_base_queryset(self):
        return broken_checks()


class BrokenPidsPanel(Component):
    """Broken PIDs of the outputs of the members the user keeps."""

    name = "broken_pids"
    template_name = "legacy/broken_pids_panel.html"
    order = 170

    def __init__(self, checks):
        self.checks = checks

    @classmethod
    def for_user(cls, user):
        kept = Membership.members_in_care_of(user)
        checks = broken_checks().filter(output__members__in=kept).distinct()
        return cls(list(checks)) if kept.exists() else None

    def get_context_data(self, parent_context):
        return {"checks": self.checks}
