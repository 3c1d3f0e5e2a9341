"""The site's small stylesheets inside pages (see polarkb/stylesheets.py)."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from polarkb.stylesheets import inline_css

register = template.Library()


@register.simple_tag
def inline_stylesheet(path):
    """One of the site's small stylesheets inside the page (see polarkb/stylesheets.py)."""
    return format_html("<style>{}</style>", mark_safe(inline_css(path)))
