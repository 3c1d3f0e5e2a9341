"""Reading ?member=, ?topic= and ?region= (the stable keys search uses) for feeds and
the embed; an unknown key or bad input is refused with a message."""

from django.utils.translation import gettext as _

from knowledgebase.models import MemberPage, Region, Topic

MAX_KEY_LENGTH = 80


class BadFilter(ValueError):
    """A filter the request may not have; the message says why, in the reader's language."""


def one_value(params, name):
    """The single value of a parameter ('' when absent)."""
    values = params.getlist(name)
    if len(values) > 1:
        raise BadFilter(_("Give “%(name)s” at most once.") % {"name": name})
    value = values[0].strip() if values else ""
    if len(value) > MAX_KEY_LENGTH or "\x00" in value:
        raise BadFilter(_("The value of “%(name)s” is not a valid key.") % {"name": name})
    return value


def member_by_key(params):
    """The visible source-language member named by ?member=, or None when not given."""
    key = one_value(params, "member")
    if not key:
        return None
    member = MemberPage.sources_for_keys([key]).first()
    if member is None:
        raise BadFilter(_("Unknown member: “%(key)s”.") % {"key": key})
    return member


def taxonomy_keys(params, name, model):
    """The key given as ?<name>= and the keys of every item below it, or None."""
    key = one_value(params, name)
    if not key:
        return None
    if not model.objects.source().filter(key=key).exists():
        raise BadFilter(_("Unknown %(name)s: “%(key)s”.") % {"name": name, "key": key})
    return model.descendant_keys(key)


def item_filters(params):
    """Django lookups selecting the items the parameters ask for."""
    lookups = {}
    if (member := member_by_key(params)) is not None:
        lookups["members__translation_key"] = member.translation_key
    for name, model in (("topic", Topic), ("region", Region)):
        if (keys := taxonomy_keys(params, name, model)) is not None:
            lookups[f"{name}s__key__in"] = keys
    return lookups
