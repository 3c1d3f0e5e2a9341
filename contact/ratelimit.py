"""A small per-client rate limit on Django's cache, for the public forms.

A fixed window per client address: the first request of a window creates its
counter, later ones add to it. With the default per-process cache each server
process counts on its own; configure a shared cache (CACHES) for one count.
"""

import time

from django.core.cache import cache


def client_address(request):
    """The client's address as the server sees it (behind a proxy, the proxy must
    pass it on, e.g. gunicorn's forwarded headers)."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def over_limit(request, scope, limit, period):
    """Count this request for its client; True when it is beyond ``limit`` per ``period``
    seconds in ``scope``."""
    window = int(time.time() // period)
    key = f"ratelimit:{scope}:{client_address(request)}:{window}"
    if cache.add(key, 1, timeout=period + 5):
        return 1 > limit
    try:
        return cache.incr(key) > limit
    except ValueError:  # the counter expired between add and incr
        cache.set(key, 1, timeout=period + 5)
        return 1 > limit
