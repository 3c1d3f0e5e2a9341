"""A system check that every configured language has its compiled interface catalogue.

Django serves a language from its URL prefix only when a compiled catalogue
(.mo) exists for it (``check_for_language``). Django ships catalogues for most
of our languages but not for Kalaallisut, Northern Sámi and Inuktitut, so a
deploy that skipped ``make messages`` (``compilemessages``) would silently drop
those three and show the others with English interface text. Catalogues are
compiled when the site is built, never at start-up; this check names what is
missing or out of date (``manage.py check``, ``migrate`` and ``runserver`` run it).
"""

from pathlib import Path

from django.conf import settings
from django.core import checks
from django.utils.translation import check_for_language

COMPILE_HINT = "Run `make messages` (or `python manage.py compilemessages`)."


def languages_without_catalogue():
    """Configured languages for which neither the project nor Django has a catalogue."""
    return [code for code, _name in settings.LANGUAGES if not check_for_language(code)]


def outdated_catalogues(locale_paths):
    """The .po files whose compiled .mo is missing or older than them."""
    outdated = []
    for directory in locale_paths:
        for po_path in sorted(Path(directory).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if not mo_path.is_file() or mo_path.stat().st_mtime < po_path.stat().st_mtime:
                outdated.append(po_path)
    return outdated


def check_catalogues(app_configs=None, **kwargs):
    problems = []
    if missing := languages_without_catalogue():
        problems.append(
            checks.Error(
                f"No compiled interface catalogue for {', '.join(missing)}: "
                "Django does not serve these languages.",
                hint=COMPILE_HINT,
                id="polarkb.E001",
            )
        )
    if outdated := outdated_catalogues(settings.LOCALE_PATHS):
        names = ", ".join(str(path) for path in outdated)
        problems.append(
            checks.Warning(
                f"Interface catalogues not compiled since their .po changed: {names}.",
                hint=COMPILE_HINT,
                id="polarkb.W001",
            )
        )
    return problems
