"""Compiled interface translations for every configured language, at start-up.

Django serves a language from its URL prefix only when a compiled catalogue
(.mo) exists for it (``check_for_language``). Django ships catalogues for most
of our languages but not for Kalaallisut, Northern Sámi and Inuktitut, so a
deploy that skipped ``compilemessages`` would silently drop those three and
show the others with English interface text. Start-up therefore compiles any
missing or outdated catalogue from its .po file, and refuses to start when it
cannot, or when a configured language still has no catalogue.
"""

import logging
import os
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import check_for_language

import polib

logger = logging.getLogger(__name__)


def compile_outdated_catalogues(locale_paths):
    """Compile each .po without an up-to-date .mo beside it; returns the .mo paths written."""
    compiled = []
    for directory in locale_paths:
        for po_path in sorted(Path(directory).glob("*/LC_MESSAGES/*.po")):
            mo_path = po_path.with_suffix(".mo")
            if mo_path.is_file() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                continue
            write_catalogue(po_path, mo_path)
            compiled.append(mo_path)
    if compiled:
        logger.info("Compiled %d interface translation catalogue(s).", len(compiled))
    return compiled


def write_catalogue(po_path, mo_path):
    """Write through a temporary file, so a process starting alongside never reads half a file."""
    partial = mo_path.with_name(f"{mo_path.name}.{os.getpid()}.tmp")
    try:
        polib.pofile(str(po_path)).save_as_mofile(str(partial))
        os.replace(partial, mo_path)
    except OSError as error:
        raise ImproperlyConfigured(
            f"The interface translations are not compiled and {mo_path} cannot be written "
            f"({error}). Run `python manage.py compilemessages` (or `make messages`) "
            "before starting the site."
        ) from error


def languages_without_catalogue():
    return [code for code, _name in settings.LANGUAGES if not check_for_language(code)]


def ensure_catalogues():
    compile_outdated_catalogues(settings.LOCALE_PATHS)
    missing = languages_without_catalogue()
    if missing:
        raise ImproperlyConfigured(
            "No interface translation catalogue for "
            f"{', '.join(missing)}: Django would not serve these languages. "
            "Add locale/<language>/LC_MESSAGES/django.po for each."
        )
