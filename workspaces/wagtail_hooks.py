"""Admin: who writes for which member (Settings → Member authors) and the interface
strings editor for translators (Settings → Interface strings)."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from knowledgebase.models import Membership

from .interface_strings import may_translate_interface


class MembershipViewSet(ModelViewSet):
    model = Membership
    icon = "group"
    menu_label = _("Member authors")
    add_to_settings_menu = True
    form_fields = ["user", "member"]
    list_display = ["user", "member", "created"]
    list_filter = ["member"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "member__title"]
    ordering = ["member__title", "user__username"]

    def get_form_class(self, for_update=False):
        form_class = super().get_form_class(for_update)
        members = form_class.base_fields["member"]
        # Memberships are kept with the source-language member that translations share.
        members.queryset = members.queryset.filter(
            alias_of=None, locale__language_code=settings.LANGUAGE_CODE
        )
        return form_class


@hooks.register("register_admin_viewset")
def register_memberships():
    return MembershipViewSet("memberships")


class InterfaceStringsMenuItem(MenuItem):
    def is_shown(self, request):
        return may_translate_interface(request.user)


@hooks.register("register_settings_menu_item")
def interface_strings_menu_item():
    return InterfaceStringsMenuItem(
        _("Interface strings"),
        reverse("rosetta-file-list", kwargs={"po_filter": "project"}),
        icon_name="globe",
        order=900,
    )
