"""A member page's "Works with" links (see outreach/network.py)."""

from django import template

from knowledgebase.per_request import active_locale
from outreach.network import members_in_locale, partners_of

register = template.Library()


@register.inclusion_tag("outreach/works_with.html")
def works_with(member):
    """The members this one shares visible items with, most shared first."""
    partners = partners_of(member.translation_key)
    pages = members_in_locale(partners, active_locale())
    ordered = sorted(
        pages.values(), key=lambda page: (-partners[page.translation_key], page.short_name)
    )
    return {"partners": [(page, partners[page.translation_key]) for page in ordered]}
