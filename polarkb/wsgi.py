import os

from django.core.handlers.wsgi import WSGIRequest
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "polarkb.settings.production")


class Request(WSGIRequest):
    """Django takes any codec Python knows as a request's charset, and decodes the query
    string with it while the request is being built, before any middleware: base64 or
    rot13 (codecs, not text encodings) fail there with a 500. This request ignores such
    a charset, as Django ignores an unknown one; the hostile input guard refuses it."""

    def _set_content_type_params(self, meta):
        try:
            super()._set_content_type_params(meta)
        except LookupError:
            self._encoding = None


application = get_wsgi_application()
application.request_class = Request

from polarkb.caching import say_where_pages_are_kept  # noqa: E402 (needs the apps loaded)

say_where_pages_are_kept()
