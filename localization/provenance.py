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

from wagtail.models import TranslatableMixin
from wagtail_localize.models import StringSegment, Translation

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
    def label(self):
        """What readers see, in the active language."""
        if self.method == ProvenanceMethod.MACHINE:
            return _("Machine translation — not yet reviewed")
        if self.method == ProvenanceMethod.COMMUNITY_REVIEWED:
            if self.translator:
                return _("Translation reviewed by %(reviewer)s") % {"reviewer": self.translator}
            return _("Translation reviewed by the community")
        if self.translator:
            return _("Translated by %(translator)s") % {"translator": self.translator}
        return _("Translated by a person")


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
    record = recorded_provenance(instance)
    if record is not None and is_current(record, instance):
        return Provenance(record.method, record.translator)
    if is_machine_translated(instance):
        return Provenance(ProvenanceMethod.MACHINE)
    return None


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
