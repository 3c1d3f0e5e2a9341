from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from knowledgebase import site_reports
from legacy.oai.views import oai_endpoint
from localization import glossary
from polarkb import views
from polarkb.sitemap import MultilingualSitemap
from search import urls as search_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/interface-strings/", include("rosetta.urls")),
    path("admin/reports/", include(site_reports)),  # in front of Wagtail's own
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("oai/", oai_endpoint, name="oai"),
    path("api/", include(search_urls.api_urlpatterns)),
]

if settings.DEBUG or getattr(settings, "SERVE_MEDIA", False):
    # Uploaded images and documents for development and `make run`; production serves them
    # from its web server.
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    ]

urlpatterns += i18n_patterns(
    path("search/", include(search_urls.page_urlpatterns)),
    path("glossary/", glossary.glossary_page, name="glossary"),
    path("contact/", include("contact.urls")),
    path("feedback/", include("feedback.urls")),
    path("", include("outreach.urls")),
    path("activities/", include("activities.urls")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("", include(wagtail_urls)),
)

handler400 = "polarkb.views.bad_request"
handler404 = "polarkb.views.page_not_found"
handler500 = "polarkb.views.server_error"
