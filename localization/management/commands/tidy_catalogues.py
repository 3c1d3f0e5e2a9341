"""Write the project's interface catalogues as the browser editor writes them, and
clear fuzzy guesses, after ``makemessages`` (``make translations`` runs both)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

import polib


def forget_guess(entry):
    """A fuzzy entry is a guess gettext made from a similar string: readers would be
    shown it once a translator ticks it, so it goes, and the English shows."""
    entry.flags.remove("fuzzy")
    entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
    entry.msgstr = ""
    entry.msgstr_plural = dict.fromkeys(entry.msgstr_plural, "")


class Command(BaseCommand):
    help = (
        "Rewrite locale/*/LC_MESSAGES/django.po unwrapped, as the interface strings "
        "editor saves them, with fuzzy guesses cleared."
    )

    def handle(self, *args, **options):
        for directory in settings.LOCALE_PATHS:
            for path in sorted(Path(directory).glob("*/LC_MESSAGES/django.po")):
                catalogue = polib.pofile(str(path), wrapwidth=settings.ROSETTA_POFILE_WRAP_WIDTH)
                guesses = catalogue.fuzzy_entries()
                for entry in guesses:
                    forget_guess(entry)
                catalogue.save()
                language = path.parent.parent.name
                self.stdout.write(f"{language}: {len(guesses)} fuzzy guesses cleared")
