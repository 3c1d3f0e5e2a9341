"""Admin wiring: the search index queue under Reports, for administrators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.admin_views import IndexQueueReportView


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("search/queue/", IndexQueueReportView.as_view(), name="search_index_queue")]


@hooks.register("register_reports_menu_item")
def register_index_queue_menu_item():
    return AdministratorMenuItem(
        _("Search index queue"), reverse("search_index_queue"), icon_name="search", order=9020
    )
