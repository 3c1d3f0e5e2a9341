"""Values a reading request works out once, however many listings, links and
template tags ask for them: the hidden sections of the tree, the default and the
active locale.

Only GET and HEAD requests remember anything, and a saved or deleted row forgets
it all; requests that change pages, the index worker and commands always read
afresh.
"""

from django.conf import settings
from django.core.signals import got_request_exception, request_finished, request_started
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from asgiref.local import Local

_request = Local()


def remember(key, compute):
    """``compute()``, worked out once per reading request."""
    values = getattr(_request, "values", None)
    if values is None:
        return compute()
    if key not in values:
        values[key] = compute()
    return values[key]


def in_reading_request():
    """True while a reading request (GET or HEAD) is answered."""
    return getattr(_request, "values", None) is not None


def forget(key):
    """Work ``key`` out again when next asked in this request (its source changed)."""
    values = getattr(_request, "values", None)
    if values:
        values.pop(key, None)


def locale_for(language_code):
    """Wagtail's locale for a language (as ``Locale.get_default``/``get_active`` find it)."""
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    code = get_supported_content_language_variant(language_code)
    return remember(("locale", code), lambda: Locale.objects.get_for_language(code))


def default_locale():
    return locale_for(settings.LANGUAGE_CODE)


def active_locale():
    return locale_for(translation.get_language())


def _start(sender, environ=None, scope=None, **kwargs):
    method = (environ or {}).get("REQUEST_METHOD") or (scope or {}).get("method")
    _request.values = {} if method in ("GET", "HEAD") else None


def _stop(sender=None, **kwargs):
    _request.values = None


def _forget(sender=None, **kwargs):
    if getattr(_request, "values", None):
        _request.values = {}


request_started.connect(_start, dispatch_uid="per_request_start")
request_finished.connect(_stop, dispatch_uid="per_request_stop")
got_request_exception.connect(_stop, dispatch_uid="per_request_failed")
post_save.connect(_forget, dispatch_uid="per_request_saved")
post_delete.connect(_forget, dispatch_uid="per_request_deleted")
