"""The search index as the database keeps it.

``IndexedDocument`` holds every index document (one per live, public page per
locale); it is written in the same transaction as the page change, so the
database engine and the fallback always answer from current data, and a
rebuild of the remote engine never needs to re-read every page.

``PendingIndexUpdate`` is the outbox for the remote engine: a translation group
whose documents changed and that the engine has not confirmed yet. Rows are
removed only after the engine accepted the update, so nothing is lost while it
is down, and only if no change was queued since the push read them (``version``),
so nothing is lost to a change committed during a push. A group whose documents
the engine keeps rejecting is set aside after a few attempts, so it never holds
up the others.

``DailySearchCount`` counts the public searches per query, language and day,
for the report of searches that found nothing (see search.insight).
"""

from django.db import models


class IndexedDocument(models.Model):
    doc_id = models.CharField(max_length=80, primary_key=True)
    translation_key = models.UUIDField(db_index=True)
    locale = models.CharField(max_length=12)
    is_representative = models.BooleanField(
        default=False, help_text="One document per translation group carries the facet counts."
    )
    page_id = models.IntegerField(db_index=True)
    title = models.CharField(max_length=255)
    facets = models.JSONField(help_text="Facet values and dates, small enough to scan.")
    search_text = models.TextField(
        help_text="Every indexed form and written word of the group, space-padded."
    )
    field_terms = models.JSONField(
        default=dict, help_text="The indexed forms of each field, in order (for ranking)."
    )
    data = models.JSONField(help_text="The whole document as the engines index it.")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["is_representative", "translation_key"])]

    def __str__(self):
        return self.doc_id


class PendingIndexUpdate(models.Model):
    translation_key = models.UUIDField(unique=True)
    queued_at = models.DateTimeField(auto_now=True)
    version = models.PositiveBigIntegerField(
        default=1, help_text="Counts the changes queued; a push removes only the one it sent."
    )
    attempts = models.PositiveIntegerField(
        default=0, help_text="Times the engine rejected this group's documents."
    )
    retry_at = models.DateTimeField(
        null=True, blank=True, db_index=True, help_text="Not pushed again before this time."
    )
    set_aside = models.BooleanField(
        default=False,
        help_text="Rejected too often: left out of pushes until the group changes again.",
    )
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name = "queued index update"

    def __str__(self):
        return f"pending {self.translation_key}"


class DailySearchCount(models.Model):
    """How often readers searched for a query in a language on a day, and found nothing.

    No personal data: only the normalised query, the reader's language and counts.
    """

    query = models.CharField(max_length=255)
    language = models.CharField(max_length=12)
    date = models.DateField()
    searches = models.PositiveIntegerField(default=0)
    found_nothing = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "date"], name="one_search_count_per_query_and_day"
            )
        ]
        indexes = [models.Index(fields=["date", "language"])]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.date})"
