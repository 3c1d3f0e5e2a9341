"""Reading ?member=, ?topic= and ?region= (the stable keys search uses) for feeds and
the embed; an unknown key or bad input is refused with a message."""

from django.utils.translation import gettext as _

from knowledgebase.filters import BadFilter, one_value, taxonomy_keys
from knowledgebase.models import MemberPage, Region, Topic

__all__ = ["BadFilter", "item_filters", "member_by_key", "one_value", "taxonomy_keys"]


def member_by_key(params):
    """The visible source-language member named by ?member=, or None when not given."""
    key = one_value(params, "member")
    if not key:
        return None
    member = MemberPage.sources_for_keys([key]).first()
    if member is None:
        raise BadFilter(_("Unknown member: “%(key)s”.") % {"key": key})
    return member


def item_filters(params):
    """Django lookups selecting the items the parameters ask for."""
    lookups = {}
    if (member := member_by_key(params)) is not None:
        lookups["members__translation_key"] = member.translation_key
    for name, model in (("topic", Topic), ("region", Region)):
        if (keys := taxonomy_keys(params, name, model)) is not None:
            lookups[f"{name}s__key__in"] = keys
    return lookups
