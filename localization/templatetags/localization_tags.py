from django import template

from localization.provenance import provenance_for

register = template.Library()


@register.inclusion_tag("localization/translation_badge.html")
def translation_badge(page):
    """How the page's translation was made, in the reader's language; nothing for originals."""
    return {"provenance": provenance_for(page)}
