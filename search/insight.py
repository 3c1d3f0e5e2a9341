"""What readers search for, counted without personal data, for the authors' backlog.

Each new public search adds one to a row per (normalised query, reader
language, day): how many searches, and how many found nothing. Nothing about
the reader is kept (no IP address, user, session or filters). Refinements of
a search already counted (a further page, facet filters) are not counted
again, so a reader clicking through filters does not inflate the numbers.
"""

import logging

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from modelsearch.utils import normalise_query_string

logger = logging.getLogger(__name__)


def normalise_query(text):
    """Lower case, single spaces, no control characters, at most 255 characters.

    The same form wagtail.contrib.search_promotions gives the queries editors pick for.
    """
    printable = "".join(char if char.isprintable() else " " for char in text)
    return normalise_query_string(" ".join(printable.split()))


def is_new_search(request):
    """A search with words, on its first page and not narrowed by facet filters."""
    return bool(request.query) and request.page == 1 and not any(request.filters.values())


def count_when_sent(response, request, answer):
    """Count a search once the reader has its response.

    The WSGI server closes a response after sending it; the count is written
    then, before the response's own closing ends the request, so a slow database
    commit never delays the answer.
    """
    close = response.close

    def count_then_close():
        record_search(request, answer)
        close()

    response.close = count_then_close
    return response


def record_search(request, answer):
    """Count a new search of a SearchRequest and its answer; never fails the search."""
    if not is_new_search(request):
        return
    query = normalise_query(request.query)
    if not query:
        return
    try:
        with transaction.atomic():
            count_search(query, request.language, found_nothing=not answer["results"])
    except DatabaseError:
        logger.exception("Could not record a search")


# INSERT ... ON CONFLICT works on both SQLite and PostgreSQL and, unlike
# get-then-update, stays right when two searches for the same row arrive at once.
UPSERT = """
INSERT INTO search_dailysearchcount ("query", "language", "date", "searches", "found_nothing")
VALUES (%s, %s, %s, 1, %s)
ON CONFLICT ("query", "language", "date") DO UPDATE SET
    "searches" = search_dailysearchcount."searches" + 1,
    "found_nothing" = search_dailysearchcount."found_nothing" + excluded."found_nothing"
"""


def count_search(query, language, found_nothing):
    """One upsert: add a search to the day's row, creating the row if needed."""
    with connection.cursor() as cursor:
        cursor.execute(UPSERT, [query, language, timezone.localdate(), int(found_nothing)])
