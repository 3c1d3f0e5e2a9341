from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from legacy.jsonld import describe, encode

register = template.Library()


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's schema.org description in a script element browsers do not run (a data
    block, outside the Content-Security-Policy's script rules); "" for other pages."""
    data = describe(page, context["request"])
    if data is None:
        return ""
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(encode(data)))
