"""Reading one stable key from a parameter (?topic=, ?region=, ?member=, ?kind=) for
the pages and feeds that filter by them; an unknown key or bad input is refused with a
message in the reader's language."""

from django.utils.translation import gettext as _

MAX_KEY_LENGTH = 80


class BadFilter(ValueError):
    """A filter the request may not have; the message says why, in the reader's language."""


def one_value(params, name):
    """The single value of a parameter ('' when absent)."""
    values = params.getlist(name)
    if len(values) > 1:
        # Translators: Readers see this as an error when a list address repeats a filter: %(name)s
        # is the filter's name (e.g. topic).
        raise BadFilter(_("Give “%(name)s” at most once.") % {"name": name})
    value = values[0].strip() if values else ""
    if len(value) > MAX_KEY_LENGTH or "\x00" in value:
        # Translators: Readers see this as an error when a list address has a malformed filter
        # value: %(name)s is the filter's name.
        raise BadFilter(_("The value of “%(name)s” is not a valid key.") % {"name": name})
    return value


def taxonomy_keys(params, name, model):
    """The key given as ?<name>= and the keys of every item below it, or None."""
    key = one_value(params, name)
    if not key:
        return None
    if not model.objects.source().filter(key=key).exists():
        # Translators: Readers see this as an error when a list address names an unknown item:
        # %(name)s is e.g. topic, %(key)s the key given.
        raise BadFilter(_("Unknown %(name)s: “%(key)s”.") % {"name": name, "key": key})
    return model.descendant_keys(key)


def choice_value(params, name, choices):
    """The value of ?<name>= among a model field's choices, or '' when absent."""
    value = one_value(params, name)
    if value and value not in choices.values:
        raise BadFilter(_("Unknown %(name)s: “%(key)s”.") % {"name": name, "key": value})
    return value
