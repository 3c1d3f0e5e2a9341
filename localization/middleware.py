"""Interface strings saved in the browser editor reach readers at once, in every
process of the host: Django reads a compiled catalogue once per process, so a
process that finds one of the project's catalogues changed on disk since it read
them reads them again, as Django's development server does when a .mo file
changes."""

import gettext
from pathlib import Path

from django.conf import settings
from django.utils.translation import trans_real

from asgiref.local import Local


def compiled_catalogues():
    """The .mo files next to the project's catalogues, whether compiled yet or not."""
    return [
        po.with_suffix(".mo")
        for directory in settings.LOCALE_PATHS
        for po in Path(directory).glob("*/LC_MESSAGES/*.po")
    ]


def stamp_of(paths):
    return tuple(path.stat().st_mtime_ns if path.exists() else None for path in paths)


def forget_read_catalogues():
    """What django.utils.translation.reloader does on a changed .mo file."""
    gettext._translations = {}
    trans_real._translations = {}
    trans_real._default = None
    trans_real._active = Local()


class FreshInterfaceStringsMiddleware:
    """Before the language is chosen: one stat per catalogue and request."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.locale_paths = None

    def __call__(self, request):
        if self.locale_paths != settings.LOCALE_PATHS:  # read once, and again in tests
            self.locale_paths = list(settings.LOCALE_PATHS)
            self.catalogues = compiled_catalogues()
            self.stamp = stamp_of(self.catalogues)
        stamp = stamp_of(self.catalogues)
        if stamp != self.stamp:
            self.stamp = stamp
            forget_read_catalogues()
        return self.get_response(request)
