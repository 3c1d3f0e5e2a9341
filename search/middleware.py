"""The JSON API answers every error in JSON, as ``{"error": ..., "field": ...}``.

Django's own error pages are HTML: a 404 for an unknown API address, the 400
for too many query parameters, a 405, a 500. This middleware replaces any
non-JSON error response under /api/ with the JSON shape the API promises,
keeping the status and headers such as ``Allow`` and ``Retry-After``.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"
KEPT_HEADERS = ("Allow", "Retry-After", "Vary")


def error_message(status):
    messages = {
        # Translators: Readers see this as the message of a "bad request" error page or search
        # answer.
        400: _("The request is not valid."),
        # Translators: Readers see this as the message of a "forbidden" error answer of the search.
        403: _("This is not allowed."),
        # Translators: Readers see this as the message of a "not found" error answer of the search.
        404: _("There is nothing at this address."),
        # Translators: Readers see this as the message of an error answer of the search when the
        # request method is wrong.
        405: _("Only GET requests are allowed here."),
        # Translators: Readers see this as the message of an error answer of the search when a
        # reader sends too many searches.
        429: _("Too many requests: please wait a moment and try again."),
    }
    if status in messages:
        return messages[status]
    if status >= 500:
        # Translators: Readers see this as the message of an error answer when the search fails on
        # the server.
        return _("The search failed on our side: please try again later.")
    # Translators: Readers see this as the message of an error answer of the search in any other
    # case.
    return _("The request could not be answered.")


class JsonApiErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path_info.startswith(API_PREFIX)
            and response.status_code >= 400
            and response.get("Content-Type", "") != "application/json"
        ):
            return json_error(response)
        return response


def json_error(response):
    status = response.status_code
    answer = JsonResponse(
        {"error": error_message(status), "field": None},
        status=status,
        json_dumps_params={"ensure_ascii": False},
    )
    for header in KEPT_HEADERS:
        if header in response:
            answer[header] = response[header]
    return answer
