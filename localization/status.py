"""Which source items are translated, outdated or missing in each locale.

- missing: no real translation in the locale (an alias page from tree
  synchronisation is not a translation);
- outdated: a translation exists but readers of the locale do not see the
  current source fully translated, because
  * the source text changed since it was last synced to the translation
    (the source's text differs from wagtail-localize's TranslationSource), or
  * some synced strings have no translation yet (what wagtail-localize's
    editor calls "Waiting for translations" and highlights string by string), or
  * the translation is not live, or translated strings were saved in the
    editor but not published since (the live translation differs from what
    the synced source and its translations give);
  a translation made without wagtail-localize's sync (or with sync stopped)
  is outdated when its source page was published after it;
- translated: everything else that exists.
"""

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    SourceDeletedError,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
)

from .coverage import interface_coverage
from .sources import KIND_LABELS, kind_of, readable_key, source_items, translatable_strings

TRANSLATED, OUTDATED, MISSING = "translated", "outdated", "missing"
STATES = (TRANSLATED, OUTDATED, MISSING)

REASONS = {
    "source-changed": _("the source text changed since the last sync"),
    "untranslated-strings": _("some text is not translated yet"),
    "not-published": _("translated text is waiting to be published"),
    "source-republished": _("the source was published after this translation"),
}


@dataclass
class ItemStatus:
    source: object
    state: str
    target: object = None
    translation: Translation | None = None
    reason: str = ""  # a key of REASONS when outdated

    @property
    def kind(self):
        return kind_of(self.source)

    @property
    def key(self):
        return readable_key(self.source)

    @property
    def title(self):
        return str(self.source)

    @property
    def reason_text(self):
        return REASONS.get(self.reason, "")

    def as_dict(self):
        return {
            "type": self.kind,
            "key": self.key,
            "title": self.title,
            "state": self.state,
            "reason": self.reason or None,
        }


@dataclass
class LocaleStatus:
    locale: Locale
    items: list = field(default_factory=list)

    def counts(self, kind=None):
        states = Counter(item.state for item in self.items if kind in (None, item.kind))
        counts = {state: states[state] for state in STATES}
        counts["total"] = sum(states.values())
        return counts

    def kinds(self):
        """The kinds of source items present, page kinds first in KIND_LABELS order."""
        order = list(KIND_LABELS)
        kinds = {item.kind for item in self.items}
        return sorted(
            kinds, key=lambda kind: (order.index(kind) if kind in order else len(order), kind)
        )

    def by_kind(self):
        """{kind: items}, missing items first, then outdated, then translated."""
        order = [MISSING, OUTDATED, TRANSLATED]
        items = sorted(self.items, key=lambda item: order.index(item.state))
        return {kind: [item for item in items if item.kind == kind] for kind in self.kinds()}

    @cached_property
    def interface(self):
        return interface_coverage(self.locale.language_code)

    def as_dict(self):
        return {
            "locale": self.locale.language_code,
            "name": self.locale.get_display_name(),
            **self.counts(),
            "by_type": {kind: self.counts(kind) for kind in self.kinds()},
            "interface": self.interface.as_dict() if self.interface else None,
            "items": [item.as_dict() for item in self.items],
        }


class StatusReport:
    """Computes statuses with a few queries per locale; source checks are shared."""

    def __init__(self):
        self.default_locale = Locale.get_default()
        self.sources = source_items()
        self._source_changed = {}

    def other_locales(self):
        return Locale.objects.exclude(pk=self.default_locale.pk).order_by("language_code")

    def all_locales(self):
        return [self.for_locale(locale) for locale in self.other_locales()]

    def for_locale(self, locale):
        targets = self._targets(locale)
        translations = {
            translation.source.object_id: translation
            for translation in Translation.objects.filter(
                target_locale=locale, enabled=True, source__locale=self.default_locale
            ).select_related("source")
        }
        facts = SyncFacts(locale, translations.values())
        items = []
        for source in self.sources:
            key = source.translation_key
            items.append(self._status(source, targets.get(key), translations.get(key), facts))
        return LocaleStatus(locale, items)

    def _targets(self, locale):
        """{translation key: real translation in the locale} for every source item."""
        keys_by_model = {}
        for source in self.sources:
            model = Page if isinstance(source, Page) else type(source)
            keys_by_model.setdefault(model, []).append(source.translation_key)
        targets = {}
        for model, keys in keys_by_model.items():
            queryset = model.objects.filter(locale=locale, translation_key__in=keys)
            if model is Page:
                queryset = queryset.filter(alias_of__isnull=True).specific()
            targets.update((target.translation_key, target) for target in queryset)
        return targets

    def _status(self, source, target, translation, facts):
        if target is None:
            return ItemStatus(source, MISSING, translation=translation)
        if not getattr(target, "live", True):
            reason = "not-published"
        elif translation:
            reason = self._synced_reason(source, target, translation, facts)
        else:
            reason = unsynced_reason(source, target)
        state = OUTDATED if reason else TRANSLATED
        return ItemStatus(source, state, target, translation, reason)

    def _synced_reason(self, source, target, translation, facts):
        if self.source_changed(translation.source, source):
            return "source-changed"
        if facts.has_untranslated_strings(translation):
            return "untranslated-strings"
        # Comparing texts is costly, so only when something happened after the last save.
        if facts.changed_since_saved(translation) and not target_matches_translations(
            translation, facts.locale, target
        ):
            return "not-published"
        return ""

    def source_changed(self, translation_source, source):
        """True when the source's text differs from what was last synced for translation."""
        if translation_source.pk not in self._source_changed:
            synced = dict(
                translation_source.stringsegment_set.values_list("context__path", "string__data")
            )
            synced.pop("slug", None)
            self._source_changed[translation_source.pk] = synced != translatable_strings(source)
        return self._source_changed[translation_source.pk]


class SyncFacts:
    """What wagtail-localize recorded about the translations into one locale,
    fetched in one query per fact rather than per translation."""

    def __init__(self, locale, translations):
        self.locale = locale
        source_ids = [translation.source_id for translation in translations]
        self.progress = self._progress(source_ids)
        self.last_saved = dict(
            TranslationLog.objects.filter(locale=locale, source_id__in=source_ids)
            .values("source_id")
            .annotate(at=Max("created_at"))
            .values_list("source_id", "at")
        )
        self.last_string_edit = dict(
            StringTranslation.objects.filter(locale=locale)
            .values("context__object_id")
            .annotate(at=Max("updated_at"))
            .values_list("context__object_id", "at")
        )

    def _progress(self, source_ids):
        """{source id: (strings, translated strings)}, as Translation.get_progress counts them."""
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=self.locale,
            has_error=False,
        )
        rows = (
            StringSegment.objects.filter(source_id__in=source_ids)
            .annotate(is_translated=Exists(translated))
            .values("source_id")
            .annotate(total=Count("pk"), done=Count("pk", filter=Q(is_translated=True)))
        )
        return {row["source_id"]: (row["total"], row["done"]) for row in rows}

    def has_untranslated_strings(self, translation):
        total, done = self.progress.get(translation.source_id, (0, 0))
        return done < total

    def changed_since_saved(self, translation):
        """True when strings were synced or translated after the translation was last saved."""
        saved = self.last_saved.get(translation.source_id)
        if saved is None:
            return True
        edited = self.last_string_edit.get(translation.source.object_id)
        return translation.source.last_updated_at > saved or (edited is not None and edited > saved)


def unsynced_reason(source, target):
    """For translations made without wagtail-localize's sync, only dates can tell."""
    source_published = getattr(source, "last_published_at", None)
    target_published = getattr(target, "last_published_at", None)
    if source_published and target_published and source_published > target_published:
        return "source-republished"
    return ""


def target_matches_translations(translation, locale, target):
    """True when the saved target shows the synced source with the current translations."""
    try:
        expected = translation.source.get_ephemeral_translated_instance(locale, fallback=True)
    except (SourceDeletedError, ObjectDoesNotExist):
        return False
    return translatable_strings(expected) == translatable_strings(target)
