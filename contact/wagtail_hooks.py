"""The enquiry inbox in the admin: status, assignee and notes, filterable. Enquiries
come in only through the public form, so nobody may add or copy one here."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Enquiry


class EnquiryPermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "copy"):
            return False
        return super().user_has_permission(user, action)


permission_policy = EnquiryPermissionPolicy(Enquiry)
register_permission_policy(Enquiry, permission_policy)


class EnquiryAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "assignee" in self.fields:
            handlers = permission_policy.users_with_permission("change")
            self.fields["assignee"].queryset = handlers.order_by("username")


def read_only(*names):
    return [FieldPanel(name, read_only=True) for name in names]


class EnquiryViewSet(SnippetViewSet):
    model = Enquiry
    icon = "mail"
    menu_label = _("Enquiries")
    menu_order = 250
    add_to_admin_menu = True
    copy_view_enabled = False
    search_fields = ["name", "email", "organisation", "message", "notes"]
    search_backend_name = None  # enquiries stay out of the search index
    list_filter = [
        "status",
        "assignee",
        "member",
        "topic",
        "region",
        "language",
        "notification_failed",
        "acknowledgement_failed",
    ]
    list_display = [
        Column("name", label=_("Name"), sort_key="name"),
        "organisation",
        "member",
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        "assignee",
        Column("language", label=_("Language"), accessor="get_language_display"),
        BooleanColumn("notification_failed", label=_("Notification failed")),
        DateColumn("received", label=_("Received"), sort_key="received"),
    ]
    list_export = [
        "received",
        "name",
        "email",
        "organisation",
        "member",
        "topic",
        "region",
        "language",
        "message",
        "status",
        "assignee",
        "routed_to",
        "notes",
    ]
    ordering = ["-received"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("status"), FieldPanel("assignee")]),
                    FieldPanel("notes"),
                ],
                heading=_("Handling"),
            ),
            MultiFieldPanel(
                read_only("name", "email", "organisation", "language", "received"),
                heading=_("Sender"),
            ),
            MultiFieldPanel(
                read_only("member", "topic", "region", "message"), heading=_("Message")
            ),
            MultiFieldPanel(
                read_only("routed_to", "notification_failed", "acknowledgement_failed"),
                heading=_("Delivery"),
            ),
        ],
        base_form_class=EnquiryAdminForm,
    )


register_snippet(EnquiryViewSet)
