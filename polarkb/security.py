"""Security headers: a Content-Security-Policy scoped by area, and a Permissions-Policy.

Public pages get the strict policy from ``CONTENT_SECURITY_POLICY``: scripts only
from our own files, so an inline script never runs; inline styles only the site's
own (polarkb/stylesheets.py), by their hashes. The Wagtail and Django
admins still put small inline scripts in their forms (date pickers, inline
panels), so they get ``ADMIN_CONTENT_SECURITY_POLICY`` instead, which only
editors reach.
"""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware

from csp.middleware import CSPMiddleware

from polarkb.stylesheets import policy_sources

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if is_admin(request):
            if not report_only and parts.config is None:
                parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY
        else:
            update = parts.update or {}
            parts.update = {
                **update,
                "style-src": [*update.get("style-src", []), *policy_sources()],
            }
        return parts


def is_admin(request):
    return request.path_info.startswith(ADMIN_PREFIXES)


class CompressionMiddleware(GZipMiddleware):
    """gzip for pages and API answers, except those that carry the CSRF token.

    BREACH guesses a secret in a compressed page from its size when the page also
    reflects the attacker's input. Public pages and API answers hold no secret (the
    CSP nonce changes with every response), and Django pads each gzip body with
    random bytes. A page that carries the CSRF token (a form of the admin, the
    login page) is sent uncompressed: Django sets the CSRF cookie on every
    response whose page used the token.
    """

    def process_response(self, request, response):
        if settings.CSRF_COOKIE_NAME in response.cookies:
            return response
        return super().process_response(request, response)


class PermissionsPolicyMiddleware:
    """Turn off browser features the site never uses, for it and anything it embeds."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = ", ".join(
            f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DISABLED_FEATURES
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.policy)
        return response
