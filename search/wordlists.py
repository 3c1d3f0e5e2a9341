"""Where the dictionary data lives (var/dictionaries/), and the compound word lists
the analysis reads from it. search/bilingual.py writes them."""

from functools import cache
from pathlib import Path

from django.conf import settings


def directory():
    default = Path(settings.BASE_DIR) / "var" / "dictionaries"
    return Path(getattr(settings, "SEARCH_DICTIONARIES_DIR", default))


def parts_path(language):
    return directory() / f"parts-{language}.txt"


@cache
def parts(language):
    """The words a compound of the language may be split into (empty without the data)."""
    path = parts_path(language)
    return frozenset(path.read_text("utf-8").split()) if path.exists() else frozenset()
