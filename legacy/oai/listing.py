"""The records an OAI-PMH list answers with: the items readers may see now and those
the ledger remembers as deleted, selected by format, set and dates, in a stable
order (datestamp, then identifier) so a resumption token can say where it stopped."""

from django.conf import settings

from ..models import HarvestRecord
from ..records import Entry, group_pages, harvestable_entries
from .formats import Item


def current_entries(translation_keys=None):
    """{key: Entry}: visible items (their datestamp the later of their last publishing
    and their last change of visibility) and deleted ones."""
    entries = harvestable_entries(translation_keys)
    records = HarvestRecord.objects.all()
    if translation_keys is not None:
        records = records.filter(translation_key__in=translation_keys)
    for record in records:
        key = str(record.translation_key)
        if key in entries:
            entries[key].datestamp = max(entries[key].datestamp, record.changed_at)
        elif record.deleted:
            entries[key] = deleted_entry(key, record)
    return entries


def deleted_entry(key, record):
    specs = dict(spec.split(":", 1) for spec in record.set_specs if ":" in spec)
    members = {spec.split(":", 1)[1] for spec in record.set_specs if spec.startswith("member:")}
    return Entry(key, specs.get("type", ""), record.changed_at, member_keys=members, deleted=True)


def in_set(entry, set_spec):
    """A record is in a set and in each set above it (``type`` holds ``type:guide``)."""
    return set_spec is None or any(
        spec == set_spec or spec.startswith(f"{set_spec}:") for spec in entry.set_specs
    )


def selected(query, metadata_format):
    """The entries a list query asks for, in order; then the page to send from ``after``."""
    entries = sorted(
        (
            entry
            for entry in current_entries().values()
            if (entry.deleted or metadata_format.applies_to(entry))
            and in_set(entry, query.set_spec)
            and (query.start is None or datestamp(entry) >= query.start)
            and (query.end is None or datestamp(entry) <= query.end)
        ),
        key=order,
    )
    remaining = [entry for entry in entries if query.after is None or order(entry) > query.after]
    return entries, remaining[: settings.OAI_PAGE_SIZE]


def datestamp(entry):
    """The datestamp as harvesters see it: to the second."""
    return entry.datestamp.replace(microsecond=0)


def order(entry):
    return (datestamp(entry), entry.translation_key)


def items_for(entries):
    """Item records (with their pages) of the visible entries among these."""
    return {
        entry.translation_key: Item(entry, pages)
        for entry in entries
        if not entry.deleted and (pages := group_pages(entry.translation_key))
    }
