"""How a translation was made, as far as we know for its current text.

A recorded provenance holds a fingerprint of the translated text it was
recorded for. Syncs that leave the text alone keep it; once the text changes
(a sync brings new source text or new translations) the record no longer
applies and the provenance falls back to what wagtail-localize knows: a
translation whose strings are all machine-made is a machine translation.
"""

import hashlib
import json
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from wagtail.models import Locale, TranslatableMixin
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from knowledgebase.per_request import remember

from .models import ProvenanceMethod, TranslationProvenance
from .sources import is_translation, translatable_strings


def text_fingerprint(instance):
    """A hash of an instance's translatable text."""
    text = json.dumps(sorted(translatable_strings(instance).items()), ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class Provenance:
    method: str
    translator: str = ""

    @property
    def css_class(self):
        return "provenance-" + self.method.replace("_", "-")

    @property
    def message(self):
        """The label as written in the source, before translation and the names."""
        if self.method == ProvenanceMethod.MACHINE:
            # Translators: Readers see this at the top of a machine-translated page: no person has
            # checked it yet.
            return gettext_noop("Machine translation — not yet reviewed")
        if self.method == ProvenanceMethod.COMMUNITY_REVIEWED:
            if self.translator:
                # Translators: Readers see this at the top of a translated page: %(reviewer)s is a
                # person or community that checked it.
                return gettext_noop("Translation reviewed by %(reviewer)s")
            # Translators: Readers see this at the top of a translated page that a community
            # checked.
            return gettext_noop("Translation reviewed by the community")
        if self.translator:
            # Translators: Readers see this at the top of a translated page: %(translator)s is the
            # person who translated it.
            return gettext_noop("Translated by %(translator)s")
        # Translators: Readers see this at the top of a page translated by a person (not a machine).
        return gettext_noop("Translated by a person")

    @property
    def label(self):
        """What readers see, in the active language."""
        return _(self.message) % {"reviewer": self.translator, "translator": self.translator}


def recorded_provenance(instance):
    return TranslationProvenance.objects.filter(
        translation_key=instance.translation_key, locale_id=instance.locale_id
    ).first()


def is_current(record, instance):
    """True while the instance still has the text the record was made for."""
    return record.text_fingerprint == text_fingerprint(instance)


def provenance_for(instance):
    """The Provenance of a translated page or snippet, or None when unknown or not a translation."""
    if not isinstance(instance, TranslatableMixin) or not is_translation(instance):
        return None
    key = ("provenance", instance.translation_key, instance.locale_id)
    recorded, machine_made = remember(key, lambda: _known_provenance(instance))
    if recorded and recorded[2] == text_fingerprint(instance):
        return Provenance(recorded[0], recorded[1])
    if machine_made:
        return Provenance(ProvenanceMethod.MACHINE)
    return None


def _known_provenance(instance):
    """((method, translator, text fingerprint) of the recorded provenance, else ();
    whether wagtail-localize's strings are all machine-made)."""
    record = recorded_provenance(instance)
    recorded = (record.method, record.translator, record.text_fingerprint) if record else ()
    return recorded, is_machine_translated(instance)


def is_machine_translated(instance):
    """True when every translated string of the instance was made by a machine translator."""
    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        return False
    string_translations = StringSegment.objects.filter(source=translation.source).get_translations(
        instance.locale_id
    )
    kinds = set(string_translations.values_list("translation_type", flat=True))
    return kinds == {"machine"}


def record_provenance(instance, method, translator="", user=None):
    """Record how the instance's current text was translated."""
    record, _created = TranslationProvenance.objects.update_or_create(
        translation_key=instance.translation_key,
        locale_id=instance.locale_id,
        defaults={
            "method": method,
            "translator": translator,
            "text_fingerprint": text_fingerprint(instance),
            "recorded_by": user,
        },
    )
    return record


def provenances_for(instances):
    """{(translation key, locale id): Provenance} for many translated instances at once.

    The same answers as provenance_for, in a handful of queries, for listings
    that show many translations on one page (the glossary).
    """
    default_locale_id = Locale.get_default().pk
    translated = [
        instance
        for instance in instances
        if instance.locale_id != default_locale_id and not getattr(instance, "alias_of_id", None)
    ]
    keys = {instance.translation_key for instance in translated}
    records = {
        (record.translation_key, record.locale_id): record
        for record in TranslationProvenance.objects.filter(translation_key__in=keys)
    }
    machine_made = machine_translated_keys(keys, {instance.locale_id for instance in translated})
    provenances = {}
    for instance in translated:
        ref = (instance.translation_key, instance.locale_id)
        record = records.get(ref)
        if record is not None and is_current(record, instance):
            provenances[ref] = Provenance(record.method, record.translator)
        elif ref in machine_made:
            provenances[ref] = Provenance(ProvenanceMethod.MACHINE)
    return provenances


def machine_translated_keys(translation_keys, locale_ids):
    """{(translation key, locale id)} whose translated strings are all machine-made."""
    translations = Translation.objects.filter(
        source__object_id__in=translation_keys, target_locale_id__in=locale_ids, enabled=True
    ).values_list("source_id", "source__object_id", "target_locale_id")
    sources = {source_id for source_id, _key, _locale in translations}
    segments = StringSegment.objects.filter(source_id__in=sources).values_list(
        "source_id", "string_id", "context_id"
    )
    strings_of = {}
    for source_id, string_id, context_id in segments:
        strings_of.setdefault(source_id, []).append((string_id, context_id))
    kinds = {}
    for string_id, context_id, locale_id, kind in StringTranslation.objects.filter(
        translation_of_id__in={string_id for _source, string_id, _context in segments},
        locale_id__in=locale_ids,
    ).values_list("translation_of_id", "context_id", "locale_id", "translation_type"):
        kinds[string_id, context_id, locale_id] = kind
    machine = set()
    for source_id, key, locale_id in translations:
        found = {
            kinds[string_id, context_id, locale_id]
            for string_id, context_id in strings_of.get(source_id, [])
            if (string_id, context_id, locale_id) in kinds
        }
        if found == {"machine"}:
            machine.add((key, locale_id))
    return machine
