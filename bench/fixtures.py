"""The bench's own database: Django set up on a throwaway file, the rows search needs.

Request validation (search.service.known_keys) and facet labels read topics,
regions and member pages from the database, so the bench creates them for
real: locales for every language, the topic and region trees with translated
names, and one source-language MemberPage per member. IndexedDocument rows are
what the database engine searches.
"""

import itertools
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE = REPO / "bench" / "results" / "bench.sqlite3"
BULK_BATCH = 1000


def setup_django():
    """Django on the bench database; the engines are switched per phase by the bench."""
    sys.path.insert(0, str(REPO))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "polarkb.settings.dev")
    if "DATABASE_URL" not in os.environ:
        DEFAULT_DATABASE.parent.mkdir(parents=True, exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{DEFAULT_DATABASE}"
    # Wagtail's admin search backend is chosen from this at import time: keep it on the
    # database so creating member pages does not write to some OpenSearch node.
    os.environ["SEARCH_ENGINE"] = "database"

    import django

    django.setup()

    from django.conf import settings

    settings.DEBUG = False  # as in production: no query log growing with every request
    return os.environ["DATABASE_URL"]


def prepare_database():
    """Migrate, then remove whatever an earlier bench run left."""
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    clear_bench_rows()


def clear_bench_rows():
    from wagtail.models import Page

    from knowledgebase.models import MemberIndexPage, Region, Topic
    from search.models import IndexedDocument, PendingIndexUpdate

    IndexedDocument.objects.all().delete()
    PendingIndexUpdate.objects.all().delete()
    for index_page in MemberIndexPage.objects.filter(slug="bench-members"):
        Page.objects.get(pk=index_page.pk).delete()
    for model in (Topic, Region):
        while model.objects.exists():  # leaves first: parents are protected
            model.objects.filter(children__isnull=True).delete()


def create_locales():
    from django.conf import settings

    from wagtail.models import Locale

    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


def create_taxonomy(model, items, locales):
    """Source rows (parents listed before children), then one row per translated name."""
    default = locales["en"]
    source = {}
    for position, item in enumerate(items):
        source[item.key] = model.objects.create(
            key=item.key,
            name=item.names["en"],
            parent=source.get(item.parent),
            locale=default,
            sort_order=position,
        )
    translations = [
        model(
            translation_key=source[item.key].translation_key,
            locale=locales[code],
            key=item.key,
            name=name,
            parent=source.get(item.parent),
            sort_order=source[item.key].sort_order,
        )
        for item in items
        for code, name in item.names.items()
        if code != "en"
    ]
    model.objects.bulk_create(translations)


def create_member_pages(members, locales):
    import datetime

    from wagtail.models import Page

    from knowledgebase.models import MemberIndexPage, MemberPage

    root = Page.get_first_root_node()
    index = root.add_child(
        instance=MemberIndexPage(title="Bench members", slug="bench-members", locale=locales["en"])
    )
    for member in members:
        index.add_child(
            instance=MemberPage(
                title=member.title,
                slug=member.key,
                acronym=member.acronym,
                summary=f"{member.title} ({member.acronym}).",
                published=datetime.date(2020, 1, 1),
                locale=locales["en"],
            )
        )


def create_facet_rows(corpus):
    locales = create_locales()
    from knowledgebase.models import Region, Topic

    create_taxonomy(Topic, corpus.topics, locales)
    create_taxonomy(Region, corpus.regions, locales)
    create_member_pages(corpus.members, locales)


# IndexedDocument rows --------------------------------------------------------------------


def rows_as_store_group_writes(translation_key, documents):
    """The IndexedDocument rows search.sync.store_group writes for a group, as unsaved
    instances: store_group runs with its two database calls captured, so the rows
    follow whatever it computes today."""
    from unittest import mock

    from search.models import IndexedDocument
    from search.sync import store_group

    rows = []

    def update_or_create(doc_id, defaults):
        rows.append(IndexedDocument(doc_id=doc_id, **defaults))
        return rows[-1], True

    manager = IndexedDocument.objects
    with (
        mock.patch.object(manager, "update_or_create", update_or_create),
        mock.patch.object(manager, "filter", lambda **_lookups: manager.none()),
    ):
        store_group(translation_key, documents)
    return rows


def groups_of(documents):
    """(translation key, documents) per group; a group's documents are adjacent."""
    for key, group in itertools.groupby(
        documents, key=lambda document: document["translation_key"]
    ):
        yield key, list(group)


def store_like_sync(documents):
    """Write with search.sync.store_group, group by group, in autocommit mode as
    rebuild_database_copy does; returns seconds."""
    from search.sync import store_group

    started = time.perf_counter()
    for key, group in groups_of(documents):
        store_group(key, group)
    return time.perf_counter() - started


def store_in_bulk(documents, progress=None):
    """The same rows with bulk_create, in transactions of about BULK_BATCH rows;
    returns seconds."""
    started, batch, done = time.perf_counter(), [], 0
    for key, group in groups_of(documents):
        batch.extend(rows_as_store_group_writes(key, group))
        if len(batch) >= BULK_BATCH:
            done += save_rows(batch)
            batch = []
            if progress:
                progress(done)
    done += save_rows(batch)
    if progress:
        progress(done)
    return time.perf_counter() - started


def save_rows(rows):
    from django.db import transaction

    from search.models import IndexedDocument

    with transaction.atomic():
        IndexedDocument.objects.bulk_create(rows)
    return len(rows)
