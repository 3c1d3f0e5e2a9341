"""The site's addresses plus a public page and an admin page that carry an inline script."""

from django.http import HttpResponse
from django.template import engines
from django.urls import path

from polarkb.urls import urlpatterns as site_urlpatterns

PAGE = """{% extends "base.html" %}
{% block content %}<h1>Inline script</h1>{% endblock %}
{% block scripts %}<script>document.documentElement.dataset.inlineScript = "ran";</script>
{% endblock %}
"""


def page_with_inline_script(request):
    template = engines["django"].from_string(PAGE)
    return HttpResponse(template.render({}, request))


urlpatterns = [
    path("en/inline-script/", page_with_inline_script),
    path("admin/inline-script/", page_with_inline_script),
    *site_urlpatterns,
]
