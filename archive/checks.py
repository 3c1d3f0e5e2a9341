"""Checks of the export commands' arguments, shared by both commands."""

from django.core.management.base import CommandError

from archive.collect import reader_languages


def checked_languages(codes):
    """The languages asked for (all readers' languages when none is), or a CommandError
    naming the valid ones."""
    valid = reader_languages()
    if not codes:
        return valid
    if unknown := [code for code in codes if code not in valid]:
        raise CommandError(
            f"Unknown language {', '.join(unknown)}: choose from {', '.join(valid)}."
        )
    return list(dict.fromkeys(codes))
