"""The items harvesters may take: the guides, lessons and legacy outputs readers may
see, one record per item (translation group) with every language it is visible in.

What readers may see is decided by ``knowledgebase.visibility.visible`` at the time
of the request, never by what was recorded earlier; ``legacy.ledger`` only remembers
items that were offered, so that those which disappear are reported as deleted.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.conf import settings
from django.db.models.functions import Coalesce

from wagtail.models import Page

from knowledgebase.identifiers import DOI
from knowledgebase.models import MemberPage
from knowledgebase.models.base import member_content_types
from knowledgebase.visibility import visible

# A set spec is made of these characters only (OAI-PMH 2.0, setSpecType).
SET_SPEC_PART = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+$")
# When a page last changed for readers (a page made live without publishing has no
# publishing date).
LAST_CHANGE = Coalesce("last_published_at", "latest_revision_created_at", "first_published_at")
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
# The fields that hold an item's DOI, by content type.
DOI_FIELDS = {"guide": "doi", "output": "identifier"}


@dataclass
class Entry:
    """What a listing needs to know of an item, without loading its pages."""

    translation_key: str
    type_key: str
    datestamp: datetime
    languages: set = field(default_factory=set)
    member_keys: set = field(default_factory=set)
    has_doi: bool = False
    deleted: bool = False

    @property
    def set_specs(self):
        return [f"type:{self.type_key}", *(f"member:{key}" for key in sorted(self.member_keys))]


def visible_member_keys():
    """The keys of the members readers may see whose key can name a set."""
    members = visible(MemberPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE))
    keys = members.filter(alias_of__isnull=True).values_list("slug", flat=True)
    return {key for key in keys if SET_SPEC_PART.match(key)}


def harvestable_entries(translation_keys=None):
    """{translation key: Entry} of the items readers may see now."""
    member_keys = visible_member_keys()
    entries = {}
    for content_type in member_content_types():
        pages = visible(content_type.model.objects.filter(alias_of__isnull=True))
        if translation_keys is not None:
            pages = pages.filter(translation_key__in=translation_keys)
        _add_entries(entries, content_type.key, pages, member_keys)
    return entries


def _add_entries(entries, type_key, pages, member_keys):
    doi_field = DOI_FIELDS.get(type_key)
    columns = ["translation_key", "locale__language_code", "changed"]
    rows = pages.annotate(changed=LAST_CHANGE).values_list(
        *columns, *([doi_field] if doi_field else [])
    )
    for key, language, changed, *doi in rows:
        key, published = str(key), changed or EARLIEST
        entry = entries.setdefault(key, Entry(key, type_key, published))
        entry.datestamp = max(entry.datestamp, published)
        entry.languages.add(language)
        entry.has_doi = entry.has_doi or bool(doi and DOI.match(doi[0] or ""))
    tagged = pages.filter(members__isnull=False).values_list("translation_key", "members__slug")
    for key, member_key in tagged:
        if member_key in member_keys:
            entries[str(key)].member_keys.add(member_key)


def group_pages(translation_key):
    """The visible, really translated pages of an item, oldest (its source) first."""
    pages = visible(Page.objects.filter(translation_key=translation_key, alias_of__isnull=True))
    models = tuple(content_type.model for content_type in member_content_types())
    found = pages.select_related("locale").order_by("pk").specific()
    return [page for page in found if isinstance(page, models)]


def doi_of(page):
    """The page's DOI (10.xxxx/...), or "" when it has none."""
    for name in DOI_FIELDS.values():
        if match := DOI.match(getattr(page, name, "") or ""):
            return match.group(1)
    return ""
