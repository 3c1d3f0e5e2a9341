"""The JSON API: /api/search/ and /api/search/suggest/."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from search import service
from search.engines.base import EngineError
from search.query import BadRequest


def reader_language(params):
    language = params.get("lang") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        raise BadRequest(_("Unknown language: “%(lang)s”.") % {"lang": language[:20]}, "lang")
    return language


def bad_request(error):
    return JsonResponse({"error": error.message, "field": error.field}, status=400)


def engine_error():
    message = _("The search engine could not run this search. Please try again later.")
    return JsonResponse({"error": message, "field": None}, status=502)


@require_GET
def search_api(request):
    try:
        search_request = service.parse_request(request.GET, reader_language(request.GET))
    except BadRequest as error:
        return bad_request(error)
    try:
        answer = service.search(search_request)
    except EngineError:
        return engine_error()
    return JsonResponse(answer, json_dumps_params={"ensure_ascii": False})


@require_GET
def suggest_api(request):
    try:
        language = reader_language(request.GET)
    except BadRequest as error:
        return bad_request(error)
    try:
        suggestions = service.suggest(request.GET.get("q", ""), language)
    except EngineError:
        return engine_error()
    return JsonResponse({"suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})
