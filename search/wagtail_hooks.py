"""Admin wiring: the report of searches that found nothing (search insight), and the
search index queue under Reports, for administrators."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy

from search.admin_views import IndexQueueReportView
from search.models import DailySearchCount
from search.reports import NothingFoundReportView

insight_permissions = ModelPermissionPolicy(DailySearchCount)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("nothing-found/", NothingFoundReportView.as_view(), name="nothing_found"),
        path(
            "nothing-found/results/",
            NothingFoundReportView.as_view(results_only=True),
            name="nothing_found_results",
        ),
    ]
    return [
        path("search-insight/", include((urls, "search_insight"), namespace="search_insight")),
        path("search/queue/", IndexQueueReportView.as_view(), name="search_index_queue"),
    ]


class InsightMenuItem(MenuItem):
    def is_shown(self, request):
        return insight_permissions.user_has_permission(request.user, "view")


class AdministratorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_reports_menu_item")
def register_nothing_found_menu_item():
    return InsightMenuItem(
        _("Searches that found nothing"),
        reverse("search_insight:nothing_found"),
        name="searches-that-found-nothing",
        icon_name="search",
        order=9020,
    )


@hooks.register("register_reports_menu_item")
def register_index_queue_menu_item():
    return AdministratorMenuItem(
        _("Search index queue"), reverse("search_index_queue"), icon_name="search", order=9030
    )


@hooks.register("construct_reports_menu")
def hide_search_terms_report(request, menu_items):
    """Our searches are counted per language by search.insight, not as the search
    promotions' query hits, so that app's "Search terms" report would stay empty."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]


@hooks.register("register_permissions")
def register_permissions():
    return Permission.objects.filter(
        content_type__app_label="search", codename="view_dailysearchcount"
    )
