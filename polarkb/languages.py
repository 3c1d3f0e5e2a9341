"""The languages of the knowledge base, declared once.

Django ships no language information for Kalaallisut, Northern Sámi and
Inuktitut, so it is added here with the languages' own names. The native names
are written as a language list shows them, each with a capital letter.
"""

from django.conf.locale import LANG_INFO

# (code, English name, native name)
LANGUAGE_TABLE = [
    ("en", "English", "English"),
    ("fr", "French", "Français"),
    ("de", "German", "Deutsch"),
    ("nb", "Norwegian Bokmål", "Norsk (bokmål)"),
    ("sv", "Swedish", "Svenska"),
    ("fi", "Finnish", "Suomi"),
    ("da", "Danish", "Dansk"),
    ("is", "Icelandic", "Íslenska"),
    ("kl", "Kalaallisut", "Kalaallisut"),
    ("se", "Northern Sámi", "Davvisámegiella"),
    ("iu", "Inuktitut", "ᐃᓄᒃᑎᑐᑦ"),
]

LANGUAGES = [(code, name) for code, name, _native in LANGUAGE_TABLE]
DEFAULT_LANGUAGE = "en"


def register_missing_language_info():
    for code, name, native in LANGUAGE_TABLE:
        info = LANG_INFO.setdefault(code, {"bidi": False, "code": code, "name": name})
        info["name_local"] = native
