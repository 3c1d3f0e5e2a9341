"""Admin wiring: the status report under Reports, the provenance form and its buttons."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets.button import Button

from .sources import is_translation
from .views import (
    PageViewSet,
    ProvenanceView,
    TranslationStatusView,
    can_edit,
    provenance_url,
)

PROVENANCE_LABEL = _("Translation provenance")


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("status/", TranslationStatusView.as_view(), name="status"),
        path(
            "provenance/<slug:app_label>/<slug:model_name>/<str:pk>/",
            ProvenanceView.as_view(),
            name="provenance",
        ),
    ]
    return [path("localization/", include((urls, "localization"), namespace="localization"))]


@hooks.register("register_admin_viewset")
def register_page_viewset():
    """Every page type's admin views, with creation in one transaction with the copies."""
    return PageViewSet(name="pages_with_language_copies")


@hooks.register("register_reports_menu_item")
def register_status_report_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("localization:status"),
        icon_name="wagtail-localize-language",
        order=9010,
    )


def provenance_buttons(instance, user, next_url=None):
    if is_translation(instance) and can_edit(user, instance):
        url = provenance_url(instance, next_url)
        yield Button(PROVENANCE_LABEL, url, icon_name="info-circle", priority=65)


@hooks.register("register_page_listing_more_buttons")
def page_listing_provenance_button(page, user, next_url=None):
    yield from provenance_buttons(page, user, next_url)


@hooks.register("register_page_header_buttons")
def page_header_provenance_button(page, user, view_name=None, next_url=None):
    yield from provenance_buttons(page, user, next_url)


@hooks.register("register_snippet_listing_buttons")
def snippet_provenance_button(snippet, user, next_url=None):
    if hasattr(snippet, "translation_key"):
        yield from provenance_buttons(snippet, user, next_url)
