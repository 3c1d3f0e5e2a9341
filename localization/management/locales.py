from django.core.management.base import CommandError

from wagtail.models import Locale

from localization.sources import locale_for_code


def target_locale(language_code):
    """The locale to translate into, or a CommandError saying which codes exist."""
    locale = locale_for_code(language_code)
    if locale is None:
        codes = ", ".join(
            Locale.objects.order_by("language_code").values_list("language_code", flat=True)
        )
        raise CommandError(f"Unknown locale {language_code!r}. Locales: {codes}.")
    if locale.pk == Locale.get_default().pk:
        raise CommandError(
            f"{language_code!r} is the source language; choose a locale to translate into."
        )
    return locale
