"""The languages of the knowledge base, declared once.

Django ships no language information for Kalaallisut, Northern Sámi and
Inuktitut, so it is added here with the languages' own names.
"""

from django.conf.locale import LANG_INFO

# (code, English name, native name)
LANGUAGE_TABLE = [
    ("en", "English", "English"),
    ("fr", "French", "français"),
    ("de", "German", "Deutsch"),
    ("nb", "Norwegian Bokmål", "norsk (bokmål)"),
    ("sv", "Swedish", "svenska"),
    ("fi", "Finnish", "suomi"),
    ("da", "Danish", "dansk"),
    ("is", "Icelandic", "íslenska"),
    ("kl", "Kalaallisut", "Kalaallisut"),
    ("se", "Northern Sámi", "Davvisámegiella"),
    ("iu", "Inuktitut", "ᐃᓄᒃᑎᑐᑦ"),
]

LANGUAGES = [(code, name) for code, name, _native in LANGUAGE_TABLE]
LANGUAGE_CODES = [code for code, _name, _native in LANGUAGE_TABLE]
DEFAULT_LANGUAGE = "en"


def register_missing_language_info():
    for code, name, native in LANGUAGE_TABLE:
        LANG_INFO.setdefault(
            code, {"bidi": False, "code": code, "name": name, "name_local": native}
        )
