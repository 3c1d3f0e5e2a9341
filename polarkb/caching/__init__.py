"""The site's one caching layer, on Django's cache framework.

What is kept, for anonymous readers only: whole pages (``pages``), search answers
and the vocabularies search works out from the content (``search``), and values
the site's template tags work out from the content (``kept``). Everything is filed
under the content generation (``generation``), a token in the ``default`` cache
that the events readers can see replace (``events``): publish, unpublish, move and
delete of a page, a view restriction, consent asked, given or withdrawn, a snippet
readers see saved or deleted, the index worker applying a change, an interface string
saved. Logins, drafts, revisions, task results, feedback, search counts, enquiries
and sessions change nothing kept.

With ``CACHE_URL`` set, the ``default``, ``kept`` (pages) and ``answers`` caches are
one Redis shared by every host; without it they are on this host (files and each
process's memory, pages and answers apart so that searches never push pages out).
Domain code (the apps and ``knowledgebase``) never imports this package:
tests/test_architecture.py checks it.
"""

import logging

from django.conf import settings

from polarkb.caching.generation import kept

__all__ = ["kept", "say_where_pages_are_kept"]

logger = logging.getLogger(__name__)


def say_where_pages_are_kept():
    """Tell the log, once when the web server starts, when kept pages are not shared."""
    if not settings.CACHE_URL:
        logger.info(
            "Pages and search answers are kept per host: set CACHE_URL=redis://HOST:PORT/DB "
            "to share them between several hosts."
        )
