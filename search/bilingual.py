"""Bilingual dictionaries and word lists for query translation and decompounding.

The data comes from Debian packages: FreeDict's bilingual dictionaries
(``dict-freedict-eng-nor`` …, dictd's ``.index`` and ``.dict.dz`` files in
/usr/share/dictd) and hunspell's word lists (``hunspell-no`` …, ``.dic`` files in
/usr/share/hunspell). ``build()`` reads them once into compact tables under
``var/dictionaries/`` (``manage.py build_translations``, or on first use):

- ``<from>-<to>.json``: {indexed form of a word: [its translations, first sense
  first]}, one table per direction to and from English, keyed by the word's
  indexed form in its language, so "isbjørnen" finds the entry "isbjørn";
- ``parts-<language>.txt``: the words a compound of nb, da, sv or de may be split
  into (the engines' ``dictionary_decompounder`` word list, see search/analysis.py).

Without the packages the tables are not built: search bridges languages through
the glossary only and splits no compounds (said once in the log).
"""

import base64
import gzip
import json
import logging
import re
from functools import cache
from pathlib import Path

from search import analysis, wordlists
from search.wordlists import directory

logger = logging.getLogger(__name__)

DICTD = Path("/usr/share/dictd")
HUNSPELL = Path("/usr/share/hunspell")
# FreeDict's language codes -> the site's.
FREEDICT_LANGUAGES = {
    "eng": "en",
    "nor": "nb",
    "fra": "fr",
    "deu": "de",
    "swe": "sv",
    "fin": "fi",
    "dan": "da",
    "isl": "is",
}
HUNSPELL_LISTS = {"nb": "nb_NO", "sv": "sv_SE", "da": "da_DK", "de": "de_DE"}
TRANSLATIONS_PER_WORD = 4
LONGEST_TRANSLATION = 2  # words; longer renderings are explanations, not translations
# A compound part of fewer letters matches inside too many unrelated words.
SHORTEST_PART = 4
LONGEST_PART = 15  # the decompounder's max_subword_size

SENSE = re.compile(r"^\s*\d+\.\s*(.*)$")
BRACKETS = re.compile(r"\[[^\]]*\]|<[^>]*>|\([^)]*\)|\{[^}]*\}|/[^/]*/")
WORD_ONLY = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+)?$")
NOT_A_TRANSLATION = ("synonym", "see:", "note:", '"')


def b64_number(text):
    """dictd's offsets and lengths: base64 digits, most significant first."""
    return int.from_bytes(base64.b64decode(("A" * (-len(text) % 4)) + text), "big")


def freedict_pairs():
    """(from, to, index path, data path) of every installed FreeDict dictionary between
    English and a site language."""
    found = []
    for index in sorted(DICTD.glob("freedict-*-*.index")):
        source, target = index.stem.removeprefix("freedict-").split("-")
        codes = FREEDICT_LANGUAGES.get(source), FREEDICT_LANGUAGES.get(target)
        data = index.with_suffix(".dict.dz")
        if None not in codes and "en" in codes and data.exists():
            found.append((*codes, index, data))
    return found


def entries(index_path, data_path):
    """(headword, definition text) of a dictd dictionary."""
    data = gzip.open(data_path).read()
    for line in index_path.read_text(encoding="utf-8").splitlines():
        headword, offset, length = line.split("\t")[:3]
        if headword.startswith("00database"):
            continue
        start = b64_number(offset)
        yield headword, data[start : start + b64_number(length)].decode("utf-8", "replace")


def translations_in(definition):
    """The renderings an entry gives, first sense first: numbered senses where there
    are some (the lines after them explain in English), else the first line."""
    lines = [line for line in definition.splitlines()[1:] if line.strip()]
    senses = [match.group(1) for line in lines if (match := SENSE.match(line))]
    chosen = senses or lines[:1]
    found = []
    for line in chosen:
        if line.strip().lower().startswith(NOT_A_TRANSLATION):
            continue
        for piece in re.split(r"[,;]", BRACKETS.sub(" ", line)):
            piece = " ".join(piece.split()).lower()
            if WORD_ONLY.match(piece) and piece not in found:
                found.append(piece)
    return found


def single_word(headword):
    return WORD_ONLY.match(headword) and " " not in headword and "-" not in headword


def add_translation(table, word, language, translation):
    key = analysis.stem(word, language)
    known = table.setdefault(key, [])
    if translation not in known and len(known) < TRANSLATIONS_PER_WORD:
        known.append(translation)


def read_tables(progress):
    """{(from, to): {indexed form: [translations]}}: each dictionary's own direction
    first, then the reverse of the others (a headword's own entry knows its senses best)."""
    tables, reverse = {}, []
    for source, target, index_path, data_path in freedict_pairs():
        progress(f"Reading {index_path.name} ({source} → {target})…")
        forward = tables.setdefault((source, target), {})
        for headword, definition in entries(index_path, data_path):
            headword = headword.lower()
            renderings = translations_in(definition)
            if single_word(headword):
                for rendering in renderings:
                    add_translation(forward, headword, source, rendering)
            reverse.extend(
                (target, source, rendering, headword)
                for rendering in renderings
                if " " not in rendering
            )
    for source, target, word, translation in reverse:
        add_translation(tables.setdefault((source, target), {}), word, source, translation)
    return tables


def hunspell_words(language):
    path = HUNSPELL / f"{HUNSPELL_LISTS[language]}.dic"
    if not path.exists():
        return set()
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()[1:]
    return {line.split("/")[0].strip().lower() for line in lines}


def compound_parts(language, tables):
    """Words a compound may be split into: known to hunspell and used in the language's
    bilingual dictionaries (so common enough to have a translation), no stop words."""
    dictionary_words = set()
    for (_source, target), table in tables.items():
        if target == language:
            for renderings in table.values():
                dictionary_words.update(renderings)
    return sorted(
        word
        for word in hunspell_words(language) & dictionary_words
        if SHORTEST_PART <= len(word) <= LONGEST_PART
        and word.isalpha()
        and not analysis.is_stop_word(word, language)
    )


def build(progress=lambda message: None):
    """Write the tables under var/dictionaries/; returns {file name: entries}."""
    tables = read_tables(progress)
    if not tables:
        return {}
    folder = directory()
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for (source, target), table in sorted(tables.items()):
        written[f"{source}-{target}.json"] = write(folder / f"{source}-{target}.json", table)
    for language in analysis.COMPOUNDING:
        progress(f"Choosing the compound parts of {language}…")
        parts = compound_parts(language, tables)
        written[f"parts-{language}.txt"] = write(wordlists.parts_path(language), parts)
    clear()
    return written


def clear():
    """Forget what was read (after a build, or where the data moved)."""
    load.cache_clear()
    table.cache_clear()
    wordlists.parts.cache_clear()


def write(path, value):
    temporary = path.with_suffix(".tmp")
    if isinstance(value, dict):
        temporary.write_text(json.dumps(value, ensure_ascii=False, sort_keys=True), "utf-8")
    else:
        temporary.write_text("\n".join(value) + "\n", "utf-8")
    temporary.replace(path)
    return len(value)


def available():
    return bool(load()["pairs"])


@cache
def load():
    """Which tables there are, and the word lists; the tables are built on first use
    where the dictionaries are installed."""
    folder = directory()
    if not any(folder.glob("*.json")) and freedict_pairs():
        logger.info("Building the query-translation tables in %s (once)…", folder)
        build()
    pairs = {tuple(path.stem.split("-")) for path in folder.glob("*-*.json")}
    if not pairs:
        logger.warning(
            "No bilingual dictionaries found (Debian's dict-freedict-* packages): queries "
            "are bridged across languages through the glossary only, compounds are not split."
        )
    return {"pairs": pairs}


@cache
def table(source, target):
    """One direction's table, read when a reader of that language first needs it."""
    if (source, target) not in load()["pairs"]:
        return {}
    return json.loads((directory() / f"{source}-{target}.json").read_text("utf-8"))


def translations(word, source, target):
    """A word's translations from one language into another (dictionary order); a
    Finnish or Icelandic word is also looked up by its lemma ("ísbjarnar": "ísbjörn")."""
    entries = table(source, target)
    found = entries.get(analysis.stem(word, source), [])
    if not found and source in analysis.LEMMATIZED:
        found = entries.get(analysis.stem(analysis.lemma(word, source), source), [])
    return found
