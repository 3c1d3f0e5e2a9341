"""Every page in every language: a page not translated yet has an alias (a language copy)
in each language tree synchronised from its own (wagtail-localize's LocaleSynchronization).

The admin creates a page and its copies in one transaction (localization.views.
CreatePageView), so a page never exists without them. Pages made before that, or by
other means, are found by the system check `localization.W001` (``manage.py check
--database default``) and given their missing copies by ``manage.py
repair_language_copies``.
"""

from collections import defaultdict

from django.core import checks
from django.db import DatabaseError, transaction

from wagtail.models import Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree


def missing_copies():
    """{page in the language it is synchronised from: [language codes it lacks]}."""
    missing = defaultdict(list)
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        present = Page.objects.filter(locale=sync.locale).values("translation_key")
        for page in (
            Page.objects.filter(locale=sync.sync_from, depth__gt=1)
            .exclude(translation_key__in=present)
            .order_by("path")
        ):
            missing[page].append(sync.locale.language_code)
    return dict(missing)


def repair_missing_copies(progress=lambda message: None):
    """Create the missing copies, one language at a time; returns how many were made."""
    made = 0
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        with transaction.atomic():
            before = Page.objects.filter(locale=sync.locale).count()
            synchronize_tree(sync.sync_from, sync.locale)
            created = Page.objects.filter(locale=sync.locale).count() - before
        if created:
            progress(f"{sync.locale.language_code}: {created} copies created")
        made += created
    return made


def describe(missing, limit=20):
    lines = [
        f"{page.title} ({page.url_path}, id {page.pk}): {', '.join(codes)}"
        for page, codes in list(missing.items())[:limit]
    ]
    if len(missing) > limit:
        lines.append(f"… and {len(missing) - limit} more")
    return lines


@checks.register(checks.Tags.database)
def check_language_copies(databases=None, **kwargs):
    if not databases:
        return []
    try:
        missing = missing_copies()
    except DatabaseError:  # not migrated yet: nothing to check
        return []
    if not missing:
        return []
    return [
        checks.Warning(
            f"{len(missing)} pages lack their copy in some languages (readers of those "
            "languages get a 404 and the language selector links to it):\n"
            + "\n".join(describe(missing)),
            hint="Run `python manage.py repair_language_copies` (--dry-run lists them).",
            id="localization.W001",
        )
    ]
