"""The guides and lessons feedback is about, found by their translation keys."""

from wagtail.models import Locale

from knowledgebase.models import GuidePage, LessonPage, Membership
from knowledgebase.visibility import visible

from .models import Feedback

FEEDBACK_MODELS = (GuidePage, LessonPage)


def page_for_feedback(page_id):
    """The guide or lesson a reader may see with this id, else None."""
    try:
        page_id = int(page_id)
    except (TypeError, ValueError):
        return None
    for model in FEEDBACK_MODELS:
        page = visible(model.objects.filter(pk=page_id)).select_related("locale").first()
        if page is not None:
            return page
    return None


def source_pages(keys):
    """{translation key: the item's source-language page}."""
    pages = {}
    for model in FEEDBACK_MODELS:
        sources = model.objects.filter(
            translation_key__in=keys, locale=Locale.get_default(), alias_of=None
        )
        pages.update({page.translation_key: page for page in sources})
    return pages


def member_item_keys(user):
    """Translation keys of the guides and lessons of the members the user writes for."""
    members = Membership.members_of(user)
    keys = set()
    for model in FEEDBACK_MODELS:
        keys.update(
            model.objects.filter(members__in=members).values_list("translation_key", flat=True)
        )
    return keys


def latest_comments(keys, per_item=3):
    """{translation key: the latest non-empty comments, newest first}."""
    comments = {}
    entries = Feedback.objects.filter(translation_key__in=keys).exclude(comment="")
    for key, comment in entries.order_by("-created").values_list("translation_key", "comment"):
        item_comments = comments.setdefault(key, [])
        if len(item_comments) < per_item:
            item_comments.append(comment)
    return comments


def with_items(rows):
    """The per-item rows with their source page and latest comments."""
    rows = list(rows)
    keys = [row["translation_key"] for row in rows]
    pages, comments = source_pages(keys), latest_comments(keys)
    for row in rows:
        row["page"] = pages.get(row["translation_key"])
        row["comments"] = comments.get(row["translation_key"], [])
    return rows


def with_language_copies(entries):
    """Feedback entries, each with ``page``: the copy of its item in the language the
    reader was on (None once deleted)."""
    entries = list(entries)
    keys = {entry.translation_key for entry in entries}
    copies = {}
    for model in FEEDBACK_MODELS:
        for page in model.objects.filter(translation_key__in=keys).select_related("locale"):
            copies[(page.translation_key, page.locale.language_code)] = page
    for entry in entries:
        entry.page = copies.get((entry.translation_key, entry.language))
    return entries
