from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.views.decorators.cache import never_cache

from search.sync import engine_health, index_queue


def bad_request(request, exception=None, error=""):
    """400 in the reader's language, with the site's navigation.

    The error views never read the request's body: it may be what failed (a charset
    that cannot be decoded, a broken multipart body), and reading it again would fail
    again. Django's own error views do, through requires_csrf_token.
    """
    return render(request, "400.html", {"error": error}, status=400)


def page_not_found(request, exception=None):
    """404 in the reader's language, with the site's navigation."""
    return render(request, "404.html", status=404)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says; the site's icon is an SVG."""
    return redirect(static("favicon.svg"), permanent=True)


def server_error(request):
    """500 in the reader's language. It needs nothing but the template: the database or the
    page tree may be what failed."""
    return HttpResponseServerError(loader.render_to_string("500.html", request=request))


@never_cache
def healthz(request):
    try:
        connection.ensure_connection()
        database = "ok"
    except Exception:  # noqa: BLE001 - any database failure means "down"
        database = "down"
        return JsonResponse({"database": database, "search": engine_health()}, status=503)
    status = {"database": database, "search": engine_health(), **index_queue()}
    return JsonResponse(status)
