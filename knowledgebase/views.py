from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


def page_not_found(request, exception=None):
    """404 in the reader's language, with the site's navigation."""
    return render(request, "404.html", status=404)


@never_cache
def healthz(request):
    from search.service import engine_health

    try:
        connection.ensure_connection()
        database = "ok"
    except Exception:  # noqa: BLE001 - any database failure means "down"
        database = "down"
    status = {"database": database, "search": engine_health()}
    return JsonResponse(status, status=200 if database == "ok" else 503)
