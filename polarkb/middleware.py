import re

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils import translation

from polarkb.views import page_not_found

LANGUAGE_CODE_SHAPE = re.compile(r"[a-z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?")


class UnknownLanguageMiddleware:
    """Answer /xx/... with a 404 when xx looks like a language code we do not serve.

    Without this, Django's LocaleMiddleware would redirect /xx/ to /en/xx/ and
    only then give up. Sits before LocaleMiddleware, so it picks the reader's
    language itself (cookie, then Accept-Language).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        prefix = request.path_info.split("/", 2)[1]
        if (
            LANGUAGE_CODE_SHAPE.fullmatch(prefix)
            and prefix not in self.languages
            and not self.resolves(request.path_info)
        ):
            with translation.override(translation.get_language_from_request(request)):
                return page_not_found(request)
        return self.get_response(request)

    @staticmethod
    def resolves(path):
        try:
            resolve(path)
        except Resolver404:
            return False
        return True


class RememberLanguageMiddleware:
    """Remember the language of the last page read, so '/' opens it next time.

    The language selector is plain links (no form, no JavaScript); this is what
    makes a choice made with it stick. Sits after LocaleMiddleware, which reads
    the cookie before Accept-Language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = translation.get_language_from_path(request.path_info)
        cookie = settings.LANGUAGE_COOKIE_NAME
        if language and response.status_code == 200 and request.COOKIES.get(cookie) != language:
            response.set_cookie(
                cookie,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                domain=settings.LANGUAGE_COOKIE_DOMAIN,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
