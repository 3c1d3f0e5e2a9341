"""The Cluster's items as readers may see them, counted by translation group: one guide
in three languages is one guide.

Every content type of the registry whose pages name members counts (guides, lessons,
outputs, and any type added later with a ``members`` field).
"""

from django.core.exceptions import FieldDoesNotExist

from knowledgebase.content_types import CONTENT_TYPES
from knowledgebase.models import MemberPage
from knowledgebase.per_request import default_locale
from knowledgebase.visibility import visible


def has_field(model, name):
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


def member_content_types():
    """The content types whose items name the members behind them."""
    return [c for c in CONTENT_TYPES if has_field(c.model, "members")]


def visible_originals(model):
    """The model's visible pages that are not aliases: each is a real version of its item."""
    return visible(model.objects.filter(alias_of__isnull=True))


def visible_member_keys():
    """The translation keys of the members readers may see."""
    return set(visible_originals(MemberPage).values_list("translation_key", flat=True))


def members_of_items():
    """{item translation key: {member translation keys}}: the visible members of every
    visible item."""
    shown = visible_member_keys()
    members = {}
    for content_type in member_content_types():
        pages = visible_originals(content_type.model).filter(members__isnull=False)
        for item, member in pages.values_list("translation_key", "members__translation_key"):
            if member in shown:
                members.setdefault(item, set()).add(member)
    return members


def source_members(keys):
    """The source-language member pages of these translation keys (items name those)."""
    return MemberPage.objects.filter(
        translation_key__in=keys, locale=default_locale(), alias_of__isnull=True
    )
