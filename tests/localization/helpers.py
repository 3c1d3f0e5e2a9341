"""Translated sites built the way translators work: through wagtail-localize."""

from django.test import TestCase

from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from tests import factories as f


def tagged(language_code):
    """A stand-in translator: 'Guide 1' becomes 'FR Guide 1'."""
    return lambda text: f"{language_code.upper()} {text}"


def submit(instance, language_code):
    """Submit an item for translation, as the admin's "Translate" button does."""
    locale = f.LocaleFactory(language_code=language_code)
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    return translation


def translate_strings(translation, translator, machine=False):
    """Translate every string the translator returns a text for; None leaves one untranslated."""
    segments = StringSegment.objects.filter(source=translation.source)
    for segment in segments.select_related("string", "context"):
        text = translator(segment.string.data)
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": text, "translation_type": "machine" if machine else "manual"},
        )


def publish(translation):
    """Save and publish the translated item, running the publish that waits for commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return translated(translation)


def translated(translation):
    target = translation.get_target_instance()
    return getattr(target, "specific", target)


def localize(instance, language_code, translator=None, machine=False):
    """Submit, translate and publish an item; returns its Translation."""
    translation = submit(instance, language_code)
    translate_strings(translation, translator or tagged(language_code), machine=machine)
    publish(translation)
    return translation


def sync(instance):
    """Bring the source's changes to its translations and publish them ("Sync translated pages")."""
    source = TranslationSource.objects.get_for_instance(instance)
    source.update_from_db()
    for translation in source.translations.filter(enabled=True):
        publish(translation)


def edit_and_publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    with TestCase.captureOnCommitCallbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return page
