"""Lists of languages as readers look for them: by their own names."""

import unicodedata


def by_own_name(name):
    """A sort key for a language's own name, accents and case aside: "Íslenska" after
    "Français", "Suomi" after "Norsk"; names in other scripts after the Latin ones."""
    latin = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return (latin.casefold() or "\uffff", name)
