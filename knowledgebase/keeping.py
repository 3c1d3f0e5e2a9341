"""What the site's template tags may keep instead of working it out again: values
pages share, found from the content (the menu, the translations of a page, the
ancestors of a section).

The knowledgebase app does not decide where or for how long, nor what makes a kept
value obsolete: the site installs a keeper when it starts (``keep_with``). Without
one everything is worked out each time.
"""


def _compute(name, compute):
    return compute()


_keeper = _compute


def keep_with(keeper):
    """Install ``keeper(name, compute)``, which returns ``compute()`` or its value kept."""
    global _keeper
    _keeper = keeper


def kept(name, compute):
    """``compute()``, or the value it gave before (callers must not change it)."""
    return _keeper(name, compute)
