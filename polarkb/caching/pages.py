"""Reader pages kept for anonymous readers, so a popular page is rendered once.

A reader with no session (nobody logged in, no page password given) gets the
same page at an address as every other such reader, so the first one's page is
kept for PAGE_CACHE_SECONDS (in the "kept" cache: this process's memory, or the
Redis every host shares) and served to the next. The key holds the content
generation (generation.py): an event readers can see (events.py) — a page
published, unpublished, moved, restricted, withheld for consent — makes every kept
page obsolete at once.

Kept: answers to GET requests under a language prefix (/en/…, /kl/…) with
status 200 that set no cookie (forms with a CSRF token set one) and that do
not ask not to be (Cache-Control private, no-cache or no-store: the search page
with words, whose searches are counted). Never kept or served from the cache:
requests with a session or messages cookie, the admin, redirects and errors.
The middleware sits after the ones that set the language and security headers,
so a kept page gets its headers and language cookie like a fresh one.

A kept page is compressed once, when it is kept, and the compressed copy is
sent to every reader whose browser accepts gzip: compressing a page costs about
as much as serving it from the cache. One copy for all is safe from BREACH, as
a kept page holds no secret (no CSRF token, nothing personal).
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware, re_accepts_gzip
from django.utils.cache import get_max_age, patch_vary_headers
from django.utils.text import compress_string
from django.utils.translation import get_language_from_path

from polarkb.caching.generation import current

PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
UNCACHEABLE = ("private", "no-cache", "no-store")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not is_anonymous_page_request(request):
            return self.get_response(request)
        key = cache_key(request)
        kept = caches["kept"].get(key)
        if kept is not None:
            return kept.response_for(request)
        response = self.get_response(request)
        if request.method == "GET" and may_keep(response):
            caches["kept"].set(key, KeptPage.of(response), settings.PAGE_CACHE_SECONDS)
        return response


@dataclass(frozen=True)
class KeptPage:
    content: bytes
    headers: dict
    gzipped: bytes | None  # None where compressing would not make it shorter

    @classmethod
    def of(cls, response):
        content = response.content
        gzipped = compress_string(content, max_random_bytes=GZipMiddleware.max_random_bytes)
        patch_vary_headers(response, ("Accept-Encoding",))  # as the compression middleware does
        headers = {
            name: value for name, value in response.headers.items() if name != "Content-Length"
        }
        return cls(content, headers, gzipped if len(gzipped) < len(content) else None)

    def response_for(self, request):
        """The page as the compression middleware would send it to this reader."""
        response = HttpResponse(self.content, headers=self.headers)
        if self.gzipped and re_accepts_gzip.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            response.content = self.gzipped
            response.headers["Content-Encoding"] = "gzip"
        response.headers["Content-Length"] = str(len(response.content))
        return response


def is_anonymous_page_request(request):
    return (
        request.method in ("GET", "HEAD")
        and get_language_from_path(request.path_info) is not None
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
    )


def cache_key(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{current()}:{digest}"


def may_keep(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not any(word in cache_control for word in UNCACHEABLE)
        and get_max_age(response) != 0
    )
