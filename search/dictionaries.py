"""Which words the site's languages know: the hunspell dictionaries as word lists.

Did-you-mean never corrects a word that a dictionary of any of the site's
languages knows: "kitchen" is not a typo of "kitchens" nor "bord" of "bold".
A dictionary (``<name>.dic`` with its ``<name>.aff``, as Debian's hunspell-*
packages install them) is read once per process, when a word the index does
not know is first looked up: its words without their affix flags, plus the
suffixes its affix rules add, so "helicopters" is known from "helicopter/MS";
in the reader's language, if it writes compounds as one word, two known words
joined (with a linking "s" or "e", as "Forschungsfahrt") are known too (not in
every language: "atterisage" would be Norwegian "atter" + "isage").
Where no dictionary is installed only the index's vocabulary counts, which the
log says once.
"""

import logging
from functools import cache
from pathlib import Path

from django.conf import settings

from search.analysis import fold, written

logger = logging.getLogger(__name__)

COMPOUNDING = {"de", "nb", "da", "sv", "is"}
MIN_COMPOUND_PART = 3  # letters
LINKS = ("", "s", "e")

# The dictionaries of each site language (the first one found is read; Debian has
# none for Kalaallisut, Northern Sámi or Inuktitut).
DICTIONARIES = {
    "en": ("en_GB", "en_US"),
    "fr": ("fr_FR", "fr"),
    "de": ("de_DE",),
    "nb": ("nb_NO",),
    "da": ("da_DK",),
    "sv": ("sv_SE",),
    "fi": ("fi_FI",),
    "is": ("is_IS",),
}


def dictionary_dirs():
    return [Path(path) for path in settings.SPELLING_DICTIONARY_DIRS]


class WordList:
    """A dictionary's words (folded) and the (added, stripped) pairs of its suffix rules."""

    def __init__(self, dic_path, aff_path, compounding=False):
        self.compounding = compounding
        encoding, self.suffixes = read_affixes(aff_path)
        with open(dic_path, encoding=encoding, errors="replace") as lines:
            next(lines, None)  # the first line is the number of words
            self.words = frozenset(folded(stem_entry(line)) for line in lines)

    def knows(self, word, compounds=False):
        return self.has_form(word) or (compounds and self.compounding and self.is_compound(word))

    def is_compound(self, word):
        """Two known words joined, the first perhaps with a linking letter."""
        for split in range(MIN_COMPOUND_PART, len(word) - MIN_COMPOUND_PART + 1):
            head, tail = word[:split], word[split:]
            if self.has_form(tail) and any(
                head.endswith(link) and head[: len(head) - len(link)] in self.words
                for link in LINKS
            ):
                return True
        return False

    def has_form(self, word):
        if word in self.words:
            return True
        return any(
            word.endswith(added) and word[: len(word) - len(added)] + stripped in self.words
            for added, stripped in self.suffixes
            if len(added) < len(word)
        )


def folded(word):
    return word.lower() if word.isascii() else fold(word)  # most words: the fast way


def stem_entry(line):
    """The word of a .dic line: morphological fields and affix flags left out."""
    fields = line.split(maxsplit=1)
    return fields[0].split("/")[0] if fields else ""


def read_affixes(aff_path):
    """(encoding, {(added, stripped)}) of an .aff file's suffix rules, folded."""
    encoding, suffixes = "utf-8", set()
    with open(aff_path, "rb") as raw:
        for line in raw:
            if line.startswith(b"SET "):
                encoding = line.split()[1].decode("ascii").lower()
                break
    with open(aff_path, encoding=encoding, errors="replace") as lines:
        for line in lines:
            fields = line.split()
            if len(fields) >= 4 and fields[0] == "SFX" and fields[2] != "Y" and fields[2] != "N":
                stripped = "" if fields[2] == "0" else fields[2]
                added = fields[3].split("/")[0]
                added = "" if added == "0" else added
                if added:
                    suffixes.add((fold(added), fold(stripped)))
    return encoding, frozenset(suffixes)


@cache
def word_list(language):
    for name in DICTIONARIES.get(language, ()):
        for directory in dictionary_dirs():
            dic, aff = directory / f"{name}.dic", directory / f"{name}.aff"
            if dic.exists() and aff.exists():
                return WordList(dic, aff, compounding=language in COMPOUNDING)
    return None


@cache
def installed_languages():
    """The site's languages that have a dictionary here (said once if some lack one)."""
    languages = [code for code, _name in settings.LANGUAGES if code in DICTIONARIES]
    found = [code for code in languages if word_list(code) is not None]
    missing = sorted(set(languages) - set(found))
    if missing:
        logger.info(
            "No spelling dictionary for %s: did-you-mean relies on the index's words "
            "for these languages (install the hunspell packages to add them).",
            ", ".join(missing),
        )
    return found


def is_known_word(word, language=None):
    """True if a dictionary of any of the site's languages has the word, or that of
    ``language`` (the reader's) has its parts."""
    form = written(word)
    return any(word_list(code).knows(form, code == language) for code in installed_languages())
