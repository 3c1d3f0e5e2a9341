"""The register in the admin (Engagement register → Engagements, "No visits please"
periods) and the community reviewers' dashboard panel."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from . import views
from .dashboard import engagements_for_reviewer
from .models import Engagement, NoVisitPeriod
from .permissions import engagement_policy, no_visit_policy

register_permission_policy(Engagement, engagement_policy)
register_permission_policy(NoVisitPeriod, no_visit_policy)


class RegisterViewSet(ModelViewSet):
    """Row-checked views; never in a search index, never copied."""

    index_view_class = views.IndexView
    edit_view_class = views.EditView
    delete_view_class = views.DeleteView
    inspect_view_class = views.InspectView
    history_view_class = views.HistoryView
    usage_view_class = views.UsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None
    add_to_reference_index = False


def dates():
    return FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Period"))


class EngagementViewSet(RegisterViewSet):
    model = Engagement
    url_prefix = "engagement-register/engagements"
    icon = "calendar-alt"
    add_view_class = views.CreateEngagementView
    edit_view_class = views.EditEngagementView
    list_display = [
        "community",
        Column("members", label=_("Members involved"), accessor="member_names"),
        DateColumn("start", label=_("Start"), sort_key="start"),
        DateColumn("end", label=_("End"), sort_key="end"),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("contact_name", label=_("Contact person"), accessor="contact_name"),
    ]
    list_filter = ["community", "status", "members"]
    search_fields = ["purpose", "contact_name"]
    ordering = ["start"]
    inspect_view_fields = [
        "community",
        "start",
        "end",
        "members",
        "contact_name",
        "contact_email",
        "status",
        "purpose",
        "created_by",
        "created",
        "updated",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("community", widget=forms.Select),
            dates(),
            FieldPanel("purpose"),
            FieldPanel("members", widget=forms.CheckboxSelectMultiple),
            FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_email")]),
            FieldPanel("status"),
        ],
        base_form_class=views.EngagementForm,
    )


class NoVisitPeriodViewSet(RegisterViewSet):
    model = NoVisitPeriod
    url_prefix = "engagement-register/no-visits"
    icon = "warning"
    add_view_class = views.CreatePeriodView
    list_display = [
        "community",
        DateColumn("start", label=_("Start"), sort_key="start"),
        DateColumn("end", label=_("End"), sort_key="end"),
        Column("reason", label=_("Reason"), accessor="reason"),
    ]
    list_filter = ["community"]
    ordering = ["start"]
    inspect_view_fields = ["community", "start", "end", "reason", "created_by", "created"]
    edit_handler = ObjectList(
        [FieldPanel("community", widget=forms.Select), dates(), FieldPanel("reason")],
        base_form_class=views.NoVisitPeriodForm,
    )


class EngagementRegisterGroup(ModelViewSetGroup):
    items = (
        EngagementViewSet("engagements"),
        NoVisitPeriodViewSet("no_visit_periods"),
    )
    menu_icon = "calendar-alt"
    menu_label = _("Engagement register")
    menu_name = "engagement_register"
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_engagement_register():
    return EngagementRegisterGroup()


class EngagementsPanel(Component):
    """A community reviewer's dashboard: what members plan with their communities."""

    name = "community_engagements"
    order = 80
    template_name = "engagements/panel.html"

    def __init__(self, rows):
        self.rows = rows

    def get_context_data(self, parent_context):
        return {"rows": self.rows}


@hooks.register("construct_homepage_panels")
def add_engagements_panel(request, panels):
    if rows := engagements_for_reviewer(request.user):
        panels.append(EngagementsPanel(rows))
