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


def members_of_items():
    """{item translation key: {member translation keys}}: the visible members of every
    visible item. Each list is read on its own and joined here: one query joining pages,
    links and members can be planned very slowly by a database without statistics yet."""
    member_keys = dict(
        visible_originals(MemberPage).values_list("pk", "translation_key").order_by()
    )
    members = {}
    for content_type in member_content_types():
        items = dict(
            visible_originals(content_type.model).values_list("pk", "translation_key").order_by()
        )
        for item, member in member_links(content_type.model, items):
            if member in member_keys:
                members.setdefault(items[item], set()).add(member_keys[member])
    return members


def member_links(model, item_ids):
    """(item id, member id) of the model's links to its members, for these items."""
    field = model._meta.get_field("members")
    item, member = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
    links = field.remote_field.through.objects.filter(**{f"{item}__in": list(item_ids)})
    return links.values_list(item, member)


def source_members(keys):
    """The source-language member pages of these translation keys (items name those)."""
    return MemberPage.objects.filter(
        translation_key__in=keys, locale=default_locale(), alias_of__isnull=True
    )
