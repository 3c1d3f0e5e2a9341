"""The JSON API: /api/search/ and /api/search/suggest/."""

from django.conf import settings
from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from search import insight, service
from search.engines.base import EngineError
from search.query import BadRequest, search_text


def reader_language(params):
    language = params.get("lang") or settings.LANGUAGE_CODE
    if language not in dict(settings.LANGUAGES):
        # Translators: Readers see this as an error of the search when the address names an unknown
        # language: %(lang)s is the code given.
        raise BadRequest(_("Unknown language: “%(lang)s”.") % {"lang": language[:20]}, "lang")
    return language


ANSWER_MAX_AGE = 60  # seconds a browser or shared cache may keep an anonymous answer


def answer(request, data, cacheable=True):
    """A JSON answer; anonymous, complete answers may be cached for a short while."""
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    if cacheable and settings.SESSION_COOKIE_NAME not in request.COOKIES:
        patch_cache_control(response, public=True, max_age=ANSWER_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def bad_request(error):
    return JsonResponse({"error": error.message, "field": error.field}, status=400)


def engine_error():
    # Translators: Readers see this on the search page when the search engine fails.
    message = _("The search engine could not run this search. Please try again later.")
    return JsonResponse({"error": message, "field": None}, status=502)


@require_GET
def search_api(request):
    try:
        search_request = service.parse_request(request.GET, reader_language(request.GET))
    except BadRequest as error:
        return bad_request(error)
    try:
        result = service.search(search_request)
    except EngineError:
        return engine_error()
    response = answer(request, result, cacheable=not result["fallback"])
    return insight.count_when_sent(response, search_request, result)


@require_GET
def suggest_api(request):
    try:
        language = reader_language(request.GET)
        text = search_text(request.GET.get("q", ""))
    except BadRequest as error:
        return bad_request(error)
    try:
        suggestions = service.suggest(text, language)
    except EngineError:
        return engine_error()
    return answer(request, {"suggestions": suggestions})
