from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache


def page_not_found(request, exception=None):
    """404 in the reader's language, with the site's navigation."""
    return render(request, "404.html", status=404)


@never_cache
def healthz(request):
    from search.service import engine_health, index_queue

    try:
        connection.ensure_connection()
        database = "ok"
    except Exception:  # noqa: BLE001 - any database failure means "down"
        database = "down"
        return JsonResponse({"database": database, "search": engine_health()}, status=503)
    status = {"database": database, "search": engine_health(), **index_queue()}
    return JsonResponse(status)
