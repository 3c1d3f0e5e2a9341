"""PO round trips for batch translation work.

Built on wagtail-localize's own machinery: sources are synced from the
database before export (TranslationSource.update_or_create_from_instance),
then Translation.export_po, Translation.import_po and save_target.
Imports are checked first, all files together, so a bad file changes nothing.
"""

import logging
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Page
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue, validate_translation_links

import polib

from .provenance import text_fingerprint
from .publishing import save_and_publish
from .sources import is_translation, kind_of, readable_key
from .status import MISSING, StatusReport

ID_HEADER = "X-WagtailLocalize-TranslationID"

logger = logging.getLogger(__name__)


class POFileError(Exception):
    """A PO file that cannot be imported; the message says why."""


# Export -----------------------------------------------------------------------


@dataclass
class ExportedFile:
    path: Path
    title: str
    strings: int
    untranslated: int


def start_missing_translations(locale):
    """Create a wagtail-localize Translation for every source item missing in the locale.

    Nothing is written to the site: the translated page or snippet is created
    when translations are imported (or published from the editor).
    """
    started = 0
    for item in StatusReport().for_locale(locale).items:
        if item.state == MISSING and item.translation is None:
            source, _created = TranslationSource.get_or_create_from_instance(item.source)
            _translation, created = Translation.objects.update_or_create(
                source=source, target_locale=locale, defaults={"enabled": True}
            )
            started += created
    return started


def translations_into(locale):
    return (
        Translation.objects.filter(target_locale=locale, enabled=True)
        .select_related("source", "target_locale")
        .order_by("source__object_repr", "pk")
    )


def export_translations(locale, out_dir, missing_only=False, warn=logger.warning):
    """Write one PO file per Translation into the locale; returns the ExportedFiles."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    exported, used_names = [], set()
    for translation in translations_into(locale):
        try:
            source = refresh_source(translation.source)
        except ObjectDoesNotExist:
            warn(f"Skipped {translation.source.object_repr!r}: its source was deleted.")
            continue
        po = translation_po(translation, missing_only)
        if missing_only and not po:
            continue
        path = out_dir / unique_name(file_name(source, locale), used_names)
        po.save(str(path))
        untranslated = sum(1 for entry in po if not entry.obsolete and not entry.msgstr)
        strings = sum(1 for entry in po if not entry.obsolete)
        exported.append(ExportedFile(path, str(source), strings, untranslated))
    return exported


def refresh_source(translation_source):
    """Sync the source from the database, as "Sync translated pages" does, and return it.

    update_or_create_from_instance leaves an unchanged source alone, so an
    export does not make every translation of it look changed since its last save.
    """
    source = translation_source.get_source_instance()
    TranslationSource.update_or_create_from_instance(source)
    translation_source.refresh_from_db()
    return source


def translation_po(translation, missing_only=False):
    po = translation.export_po()
    po.metadata["Language"] = translation.target_locale.language_code
    po.header = (
        f"{translation.source.object_repr}\n"
        f"Translation into {translation.target_locale.get_display_name()}. "
        f"Keep the {ID_HEADER} header: it says where the translations go."
    )
    if missing_only:
        untranslated = [entry for entry in po if not entry.obsolete and not entry.msgstr]
        po[:] = untranslated
    return po


def file_name(source, locale):
    """e.g. guide-sea-ice-travel.kl.po"""
    key = slugify(readable_key(source), allow_unicode=True) or "item"
    return f"{kind_of(source)}-{key}.{locale.language_code}.po"


def unique_name(name, used_names):
    stem, suffix = name.split(".", 1)
    candidate, number = name, 1
    while candidate in used_names:
        number += 1
        candidate = f"{stem}-{number}.{suffix}"
    used_names.add(candidate)
    return candidate


# Import -----------------------------------------------------------------------


@dataclass
class CheckedFile:
    path: Path
    po: polib.POFile
    translation: Translation

    def entries_to_import(self):
        """Current, confirmed translations: obsolete, fuzzy and empty entries are left out."""
        return [
            entry for entry in self.po if not entry.obsolete and not entry.fuzzy and entry.msgstr
        ]

    def fuzzy_count(self):
        return sum(1 for entry in self.po if not entry.obsolete and entry.fuzzy)


@dataclass
class ImportResult:
    path: Path
    title: str
    locale: str
    added: int
    changed: int
    unchanged: int
    fuzzy_skipped: int
    object_type: str  # "page" or "snippet"
    target: str  # "created", "updated" or "unchanged"


def check_files(paths):
    """CheckedFiles for the paths, or POFileError listing every problem found."""
    checked, problems, seen = [], [], {}
    for path in map(Path, paths):
        try:
            checked_file = check_file(path)
        except POFileError as error:
            problems.append(f"{path}: {error}")
            continue
        uuid_ = checked_file.translation.uuid
        if uuid_ in seen:
            problems.append(f"{path}: same translation as {seen[uuid_]}")
            continue
        seen[uuid_] = path
        checked.append(checked_file)
    if problems:
        raise POFileError("\n".join(problems))
    return checked


def check_file(path):
    po = parse(path)
    translation = translation_for(po)
    check_language(po, translation)
    check_entries(po, translation)
    return CheckedFile(path, po, translation)


def parse(path):
    if not path.is_file():
        raise POFileError("file not found")
    try:
        return polib.pofile(str(path), encoding="utf-8")
    except (OSError, ValueError) as error:
        raise POFileError(f"not a valid PO file ({error})") from error


def translation_for(po):
    value = po.metadata.get(ID_HEADER, "").strip()
    if not value:
        raise POFileError(
            f"no {ID_HEADER} header; only files exported from this site can be imported"
        )
    try:
        translation_id = uuid.UUID(value)
    except ValueError as error:
        raise POFileError(f"{ID_HEADER} {value!r} is not a translation ID") from error
    translation = (
        Translation.objects.filter(uuid=translation_id)
        .select_related("source", "target_locale")
        .first()
    )
    if translation is None:
        raise POFileError(f"no translation with ID {value}; it may have been deleted")
    if not translation.enabled:
        raise POFileError(
            f"the translation of {translation.source.object_repr!r} is no longer synced"
        )
    return translation


def check_language(po, translation):
    language = po.metadata.get("Language", "").strip().lower().replace("_", "-")
    target = translation.target_locale.language_code.lower()
    if language and target not in (language, language.split("-")[0]):
        raise POFileError(
            f"the file is in {language!r} but the translation of "
            f"{translation.source.object_repr!r} is into {target!r}"
        )


def check_entries(po, translation):
    known = set(translation.source.stringsegment_set.values_list("string__data", "context__path"))
    for entry in po:
        if entry.obsolete:
            continue
        if (entry.msgid, entry.msgctxt) not in known:
            raise POFileError(
                f"line {entry.linenum}: {shorten(entry.msgid)!r} is not in the current text of "
                f"{translation.source.object_repr!r}; export the file again"
            )
        if entry.msgstr:
            check_translated_html(entry)


def check_translated_html(entry):
    try:
        StringValue.from_translated_html(entry.msgstr)
        validate_translation_links(entry.msgid, entry.msgstr)
    except ValueError as error:
        raise POFileError(f"line {entry.linenum}: {error}") from error


def shorten(text, length=60):
    return text if len(text) <= length else text[: length - 1] + "…"


@transaction.atomic
def import_files(checked_files, user=None, on_imported=None):
    """Import checked files and publish what changed; all or nothing."""
    results = []
    for index, checked_file in enumerate(checked_files, start=1):
        result = import_file(checked_file, user)
        results.append(result)
        if on_imported:
            on_imported(index, len(checked_files), result)
    return results


def import_file(checked_file, user=None):
    translation = checked_file.translation
    entries = checked_file.entries_to_import()
    added, changed, unchanged = compare_with_existing(translation, entries)
    before = target_fingerprint(translation)

    if added or changed:  # an unchanged file leaves the translation and its history alone
        po = polib.POFile()
        po.metadata = dict(checked_file.po.metadata)
        po.extend(entries)
        translation.import_po(po, user=user)
        save_and_publish(translation, user=user)

    after = target_fingerprint(translation)
    target = "created" if before is None else "updated" if before != after else "unchanged"
    return ImportResult(
        path=checked_file.path,
        title=translation.source.object_repr,
        locale=translation.target_locale.language_code,
        added=added,
        changed=changed,
        unchanged=unchanged,
        fuzzy_skipped=checked_file.fuzzy_count(),
        object_type="page" if is_page(translation.source) else "snippet",
        target=target,
    )


def compare_with_existing(translation, entries):
    """(added, changed, unchanged) counts of the entries against the stored translations."""
    stored = StringTranslation.objects.filter(
        context__object_id=translation.source.object_id, locale=translation.target_locale
    ).values_list("translation_of__data", "context__path", "data")
    existing = {(source, path): data for source, path, data in stored}
    added = changed = unchanged = 0
    for entry in entries:
        old = existing.get((entry.msgid, entry.msgctxt))
        if old is None:
            added += 1
        elif old != entry.msgstr:
            changed += 1
        else:
            unchanged += 1
    return added, changed, unchanged


def is_page(translation_source):
    return issubclass(translation_source.specific_content_type.model_class(), Page)


def target_fingerprint(translation):
    """The fingerprint of the translation's text, None when there is no real translation yet."""
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return None
    target = getattr(target, "specific", target)
    return text_fingerprint(target) if is_translation(target) else None
