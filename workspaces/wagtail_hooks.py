"""Admin: who writes for which member (Settings → Member authors), the interface
strings editor for translators (Settings → Interface strings) and, for a member
author, the page explorer and the dashboard's page count opening at their work in
their language."""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import PagesSummaryItem
from wagtail.admin.ui.sidebar import PageExplorerMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Site
from wagtail.users.models import UserProfile

from knowledgebase.models import Membership
from knowledgebase.permissions import is_confined

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


def authors_start_page(request):
    """The home page in a member author's preferred language (the source language's when
    there is none): their guides, lessons and outputs sit right below it. None for
    anyone else, who keeps Wagtail's start (the pages they have rights on)."""
    user = request.user
    if not (user.memberships.exists() and is_confined(user)):
        return None
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    if site is None:
        return None
    language = UserProfile.get_for_user(user).get_preferred_language()
    try:
        locale = Locale.objects.get(language_code=get_supported_content_language_variant(language))
    except (LookupError, Locale.DoesNotExist):
        return site.root_page
    return site.root_page.get_translation_or_none(locale) or site.root_page


class StartPageExplorerMenuItem(MenuItem):
    """Wagtail's "Pages" menu item, opening at a given page."""

    def __init__(self, item, start_page):
        super().__init__(
            item.label,
            reverse("wagtailadmin_explore", args=[start_page.pk]),
            name=item.name,
            icon_name=item.icon_name,
            classname=item.classname,
            order=item.order,
        )
        self.start_page = start_page

    def render_component(self, request):
        return PageExplorerMenuItem(
            self.name,
            self.label,
            self.url,
            self.start_page.pk,
            icon_name=self.icon_name,
            classname=self.classname,
        )


@hooks.register("construct_main_menu")
def explore_from_authors_own_work(request, menu_items):
    start_page = authors_start_page(request)
    if start_page is None:
        return
    menu_items[:] = [
        StartPageExplorerMenuItem(item, start_page) if item.name == "explorer" else item
        for item in menu_items
    ]


class StartPageSummaryItem(PagesSummaryItem):
    """The dashboard's page count, linked to the author's start page."""

    def __init__(self, request, start_page):
        super().__init__(request)
        self.start_page = start_page

    def get_context_data(self, parent_context):
        return {**super().get_context_data(parent_context), "root_page": self.start_page}


@hooks.register("construct_homepage_summary_items", order=100)  # after Wagtail adds its own
def count_from_authors_own_work(request, summary_items):
    start_page = authors_start_page(request)
    if start_page is None:
        return
    summary_items[:] = [
        StartPageSummaryItem(request, start_page) if isinstance(item, PagesSummaryItem) else item
        for item in summary_items
    ]
