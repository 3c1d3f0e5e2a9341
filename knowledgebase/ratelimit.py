"""A small per-client rate limit on Django's cache, for the public forms.

A fixed window per client address: the first request of a window creates its
counter, later ones add to it. With the default per-process cache each server
process counts on its own; configure a shared cache (CACHES) for one count.
"""

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache


def client_address(request):
    """The reader's address. Behind a trusted proxy (FORWARDED_ALLOW_IPS) it is the
    right-most X-Forwarded-For entry that is not itself a trusted proxy: each proxy
    appends the address it saw, and only the entries our proxies wrote can be
    believed. Anyone else's X-Forwarded-For is ignored."""
    address = request.META.get("REMOTE_ADDR") or "unknown"
    if not is_trusted_proxy(address, connecting=True):
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed([hop.strip() for hop in forwarded if hop.strip()]):
        if not is_address(hop):
            break  # not written by a proxy of ours: the last proxy's address counts
        if not is_trusted_proxy(hop):
            return hop
        address = hop
    return address


def is_trusted_proxy(address, connecting=False):
    """Whether ``address`` is in FORWARDED_ALLOW_IPS; "*" trusts any connecting address
    (the site is reachable through proxies only) but never one a proxy passed on."""
    trusted = settings.FORWARDED_ALLOW_IPS
    if "*" in trusted:
        return connecting
    if not is_address(address):
        return False
    return any(ipaddress.ip_address(address) in network for network in proxy_networks(trusted))


def proxy_networks(trusted):
    return [ipaddress.ip_network(entry, strict=False) for entry in trusted if entry]


def is_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


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
