"""The site's addresses plus an API view that fails, to see how the API answers a 500."""

from django.urls import path

from polarkb.urls import urlpatterns as site_urlpatterns


def broken_api_view(request):
    raise RuntimeError("a bug in an API view")


urlpatterns = [path("api/broken/", broken_api_view), *site_urlpatterns]
