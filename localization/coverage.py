"""How much of the interface (the project's gettext catalogues) is translated."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.utils.translation import to_locale

import polib


@dataclass
class InterfaceCoverage:
    translated: int
    total: int

    @property
    def percent(self):
        return round(100 * self.translated / self.total) if self.total else 100

    def as_dict(self):
        return {"translated": self.translated, "total": self.total, "percent": self.percent}


def catalogue_path(language_code):
    """The project's django.po for a language, or None when there is none."""
    for base in settings.LOCALE_PATHS:
        path = Path(base) / to_locale(language_code) / "LC_MESSAGES" / "django.po"
        if path.exists():
            return path
    return None


def interface_coverage(language_code):
    """Translated and total messages of the language's catalogue; fuzzy ones are untranslated."""
    path = catalogue_path(language_code)
    if path is None:
        return None
    catalogue = polib.pofile(str(path))
    total = sum(1 for entry in catalogue if not entry.obsolete)
    return InterfaceCoverage(translated=len(catalogue.translated_entries()), total=total)
