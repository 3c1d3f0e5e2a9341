"""Text analysis shared by every engine: words, stop words, stems, accent folding.

The remote engines' index analyzers are built from the same stop-word lists
(search/mapping.py), and the database engine analyses with these functions, so
a word is a stop word, and two words share a stem, alike on every engine.
Stems come from the Snowball stemmers of the languages that have one;
Icelandic, Kalaallisut, Northern Sámi and Inuktitut are folded only.
Compounds of nb, da, sv and de also give the words they are made of, as the
engines' ``dictionary_decompounder`` filter does with the same word list
(search/bilingual.py): "isbjørnvakt" is also "isbjørn" and "vakt".
Finnish and Icelandic words also have a lemma (simplemma, which ships its data):
"jäässä" is "jää", "jöklinum" is "jökull". The indexer writes the lemmas of an
item's text into ``lemmas_<language>`` fields, so every engine matches them alike.
"""

import re
import unicodedata
from functools import cache

import simplemma
import snowballstemmer

from search import wordlists

# Snowball algorithm per language code (the engines' "stemmer" filter names match).
STEMMERS = {
    "en": "english",
    "fr": "french",
    "de": "german",
    "nb": "norwegian",
    "sv": "swedish",
    "fi": "finnish",
    "da": "danish",
}
ENGINE_STEMMERS = {  # the same algorithms under the engines' names
    "en": "porter2",
    "fr": "french",
    "de": "german2",
    "nb": "norwegian",
    "sv": "swedish",
    "fi": "finnish",
    "da": "danish",
}

# Languages whose compounds are split into their parts (search/bilingual.py has the
# word lists), and the decompounder's settings.
COMPOUNDING = ("nb", "da", "sv", "de")
MIN_COMPOUND = 5  # letters; shorter words are not split
MIN_PART = 4
MAX_PART = 15

# Languages whose words are also found by their lemma (the Snowball stemmers miss much
# of Finnish inflection, and Icelandic has none).
LEMMATIZED = ("fi", "is")

# Function words and question words: they say nothing about what a guide is about.
STOP_WORDS = {
    "en": """a an and are as at be but by can could do does did for from had has have how i if in
        into is it its me my no not of on or our should such that the their then there these
        they this to was we were what when where which who why will with would you your""",
    "fr": """à au aux avec ce ces cet cette comme comment dans de des du elle en est et il ils je
        la le les leur lui ma mais me mes moi mon ne nos notre nous on ou où par pas pour
        quand que quel quelle quels qui sa se ses son sont sur ta te tes toi ton tu un une
        vos votre vous y c d j l m n s t qu""",
    "de": """aber als am an auf aus bei bin bis das dass dem den der des die du ein eine einem
        einen einer eines er es für hat ich ihr im in ist ja kann man mit nach nicht noch
        oder sich sie sind so über um und uns vom von vor was wie wir wo zu zum zur""",
    "nb": """alle at av da de den der det du eller en er et for fra ha han har hun hva hvor
        hvordan hvorfor i ikke jeg kan man med meg men min når og om på seg sin skal som til
        ut var vi vil å""",
    "sv": """att av de den det du där efter ett för han har hon hur i inte jag kan man med men
        när och om på på sig som till under var vad varför vi vid är""",
    "fi": """ei ja jos kuin kuinka kun me miksi miten mikä minä missä mitä mutta ne niin nyt ole
        on oli ovat se sekä että tai te voi he hän""",
    "da": """af at da de den der det du eller en er et for fra har hun hvad hvor hvordan hvorfor
        i ikke jeg kan man med men når og om på sig skal som til var vi""",
}
STOP_WORDS = {code: frozenset(words.split()) for code, words in STOP_WORDS.items()}

# Words: letters, digits and marks, with apostrophes inside (French "l'isbjørn" stays one
# word for the elision below, as the engines' standard tokenizer keeps it).
WORD = re.compile(r"\w+(?:['’]\w+)*")
FRENCH_ELIDED = "l m t qu n s j d c jusqu quoiqu lorsqu puisqu".split()
FRENCH_ELISION = re.compile(rf"^(?:{'|'.join(FRENCH_ELIDED)})['’]", re.I)


def fold(text):
    """Lower-case and drop accents, as the engines' asciifolding does (ø→o, æ→ae, ß→ss)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(char for char in decomposed if not unicodedata.combining(char))
    return folded.translate(FOLDING)


FOLDING = str.maketrans(
    {
        "ø": "o",
        "æ": "ae",
        "œ": "oe",
        "ß": "ss",
        "đ": "d",
        "ŧ": "t",
        "ŋ": "n",
        "ł": "l",
        "ı": "i",
        "þ": "th",
        "ð": "d",
        "’": "'",
    }
)


def words(text):
    """The words of a text as typed (no analysis)."""
    return WORD.findall(text or "")


def written(word):
    """A word as written, for typo tolerance and spelling: any elided article dropped,
    folded (the engines' "words" analyzer)."""
    return fold(FRENCH_ELISION.sub("", word))


def tolerates_typos(word):
    """Words with digits are codes and numbers: "ice0" is not a typo of "ice"."""
    return not any(char.isdigit() for char in word)


def without_elision(word, language):
    return FRENCH_ELISION.sub("", word) if language == "fr" else word


def is_stop_word(word, language):
    return without_elision(word.lower(), language) in STOP_WORDS.get(language, ())


@cache
def stemmer(language):
    name = STEMMERS.get(language)
    return snowballstemmer.stemmer(name) if name else None


@cache
def stem(word, language):
    """A word's indexed form in a language: elision, lower case, stem, folded."""
    word = without_elision(word.lower(), language).replace("’", "'")
    algorithm = stemmer(language)
    return fold(algorithm.stemWord(word) if algorithm else word)


@cache
def lemma(word, language):
    """A word's dictionary form in a LEMMATIZED language, lower case (the word itself
    where simplemma does not know it)."""
    return simplemma.lemmatize(word.lower(), lang=language).lower()


def lemma_forms(text, language):
    """The indexed forms of a text's lemmas (folded, as the ``folded`` analyzer gives)."""
    return [
        fold(part)
        for word in words(text)
        if not is_stop_word(word, language)
        for part in words(lemma(word, language))
    ]


def compound_parts(word, language, known):
    """The known words inside a word, as the engines' dictionary_decompounder finds
    them: every known word of MIN_PART to MAX_PART letters at every position."""
    word = word.lower()
    if language not in COMPOUNDING or len(word) < MIN_COMPOUND or not known:
        return []
    return [
        word[start : start + length]
        for start in range(len(word) - MIN_PART + 1)
        for length in range(MIN_PART, min(MAX_PART, len(word) - start) + 1)
        if word[start : start + length] in known
    ]


def analyze(text, language, decompound=True):
    """Indexed forms of a text's words in a language, in order, without stop words; a
    compound's form is followed by its parts' forms."""
    known = dictionary_parts(language) if decompound else frozenset()
    forms = []
    for word in words(text):
        if not is_stop_word(word, language):
            forms.append(stem(word, language))
            forms.extend(stem(part, language) for part in compound_parts(word, language, known))
    return forms


def dictionary_parts(language):
    return wordlists.parts(language) if language in COMPOUNDING else frozenset()
