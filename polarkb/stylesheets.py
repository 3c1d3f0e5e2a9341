"""The small stylesheets sent inside pages, so the first paint on a slow, distant
link is styled with no round trip for a separate file.

The Content-Security-Policy allows exactly these by their hashes (not by a
nonce), so a page served from the cache (polarkb/caching/pages.py) is styled like
a fresh one; any other inline style is refused.
"""

import base64
import hashlib
import os
import re
from functools import lru_cache

from django.contrib.staticfiles import finders

INLINE_STYLESHEETS = ("css/site.css", "contact/forms.css", "outreach/embed.css")


def inline_css(path):
    """A stylesheet's text without comments and needless white space (read again when
    its file changes)."""
    if path not in INLINE_STYLESHEETS:
        raise ValueError(f"{path} is not one of INLINE_STYLESHEETS")
    filename = _file(path)
    return _minified(filename, os.stat(filename).st_mtime)


@lru_cache(maxsize=8)
def _file(path):
    return finders.find(path)


@lru_cache(maxsize=8)
def _minified(filename, modified):
    with open(filename, encoding="utf-8") as file:
        css = re.sub(r"/\*.*?\*/", "", file.read(), flags=re.S)
    css = re.sub(r"\s+", " ", css)
    return re.sub(r"\s*([{};,>])\s*", r"\1", css).replace(": ", ":").strip()


def policy_sources():
    """The Content-Security-Policy sources ('sha256-…') of the inline stylesheets."""
    return [_source(inline_css(path)) for path in INLINE_STYLESHEETS]


@lru_cache(maxsize=8)
def _source(css):
    digest = base64.b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return f"'sha256-{digest}'"
