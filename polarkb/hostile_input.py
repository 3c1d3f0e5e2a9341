"""One guard for every form and query parameter, so that a new view is covered without
code of its own.

Before any view runs, ``HostileInputMiddleware`` refuses with a 400 (JSON
``{"error", "field"}`` under /api/, the site's 400 page elsewhere):

- control characters (NUL above all: PostgreSQL text cannot hold it) in the path,
  in a query parameter or in a form field, tab, line feed and carriage return
  excepted;
- numbers too large for the database (more than 18 digits: int() takes them,
  SQLite and PostgreSQL overflow);
- a declared charset Python does not know, or one in which the form's ASCII
  punctuation is not ASCII (UTF-16, UTF-32): the body could not be read as sent.
"""

import codecs
import re

from django.http import JsonResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from polarkb.views import bad_request
from search.middleware import API_PREFIX

# Cc characters other than tab, line feed and carriage return.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# What int() accepts (any Unicode digits, underscores, a sign, spaces around) beyond
# the 18 digits every number below 2**63 fits in.
TOO_LONG_NUMBER = re.compile(r"\s*[+-]?\d{19,}\s*")
FORM_CONTENT_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
FORM_PUNCTUATION = "&=+%;"


class Refused(ValueError):
    """What was refused: a message (lazy, shown in the reader's language) and the field."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.message, self.field = message, field

    def text(self):
        return str(self.message) % {"name": self.field}


class HostileInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            check_request(request)
        except Refused as refused:
            return refusal(request, refused)
        return self.get_response(request)


def check_request(request):
    if CONTROL_CHARACTER.search(request.path_info):
        # Translators: Readers see this as an error when a web address holds an invisible control
        # character.
        raise Refused(_("The address contains a control character."))
    check_charset(request.content_params.get("charset"))
    check_parameters(request.GET)
    if request.content_type in FORM_CONTENT_TYPES:
        check_parameters(request.POST)


def check_charset(charset):
    if charset is None:
        return
    try:
        codec = codecs.lookup(charset)
        readable = codec.encode(FORM_PUNCTUATION)[0] == FORM_PUNCTUATION.encode()
    except (LookupError, TypeError, ValueError):  # unknown, bytes-only or unencodable
        readable = False
    if not readable:
        # Translators: Readers see this as an error when a form is sent in an encoding other than
        # UTF-8; keep "UTF-8".
        raise Refused(_("The form's character encoding is not supported: please send UTF-8."))


def check_parameters(parameters):
    for name, values in parameters.lists():
        if CONTROL_CHARACTER.search(name):
            # Translators: Readers see this as an error when a web address's parameter name holds a
            # control character.
            raise Refused(_("A parameter's name contains a control character."))
        for value in values:
            if CONTROL_CHARACTER.search(value):
                # Translators: Readers see this as an error: %(name)s is the name of a parameter in
                # the address, e.g. "q".
                raise Refused(_("%(name)s contains a control character."), name)
            if TOO_LONG_NUMBER.fullmatch(value.replace("_", "")):
                # Translators: Readers see this as an error: %(name)s is the name of a parameter in
                # the address, e.g. "page".
                raise Refused(_("%(name)s is too large a number."), name)


def refusal(request, refused):
    """The 400 in the reader's language (LocaleMiddleware has not run yet)."""
    with translation.override(translation.get_language_from_request(request, check_path=True)):
        if request.path_info.startswith(API_PREFIX):
            body = {"error": refused.text(), "field": refused.field}
            return JsonResponse(body, status=400, json_dumps_params={"ensure_ascii": False})
        return bad_request(request, error=refused.text())
