"""Which pages a reader may see: one rule for listings, links, search and the sitemap.

A page is visible when it and every ancestor are live and carry no view
restriction, when the source of its translation group passes the same test in
the source's own tree, and — for an alias (a page shown in another language
before it is translated) — when the page it repeats passes it too. Wagtail's
``.live().public()`` checks only the page itself and the restrictions in its
own tree, so a translation or an alias of a restricted English page, or a live
page under an unpublished section, would slip through.

A translation group is every language copy of one item (one translation key).
Its *source* is its oldest page: the copy the item was first written in, from
which every translation and alias was made, with wagtail-localize or without
(wagtail-localize records a source for every language a translation was made
from, and none for copies made without it). What hides the source hides every
copy; a restriction on a translation alone hides only that copy.

Other apps may hold items back (e.g. content awaiting a community's consent)
through two Wagtail hooks, so this app needs to know nothing about them:

- ``withhold_from_readers``: a function returning page translation keys (any
  iterable); every page of those items, in every language, aliases included, is
  hidden.
- ``refuse_publishing``: a function taking a page (as it would be published)
  and returning a message when it may not be published yet, else None.

An app that changes what it withholds sends ``visibility_changed`` with the
translation keys concerned, so search documents follow.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min, Q, QuerySet, Subquery
from django.dispatch import Signal

from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from knowledgebase.keeping import kept
from knowledgebase.per_request import in_reading_request, remember

WITHHOLD_HOOK = "withhold_from_readers"
REFUSE_PUBLISHING_HOOK = "refuse_publishing"

# Sent with translation_keys=[...] when items are withheld or released.
visibility_changed = Signal()


class PublishingRefused(PermissionDenied):
    """A page may not be published yet; the message says why."""


def _shared_by_readers(name, compute):
    """``compute()`` worked out once per reading request, and kept between reading
    requests until content changes: every change that hides or shows an item (publish,
    unpublish, move, delete, a view restriction, consent asked, given or withdrawn) is
    one that replaces the content generation. Other requests, the index worker and
    commands always work it out: they must see a change before its generation does."""
    if not in_reading_request():
        return compute()
    return remember(name, lambda: kept(name, compute))


def withheld_keys():
    """The translation keys of the items held back from readers (few: those awaiting
    something)."""
    return _shared_by_readers("withheld-keys", _find_withheld_keys)


def _find_withheld_keys():
    return frozenset(key for withhold in hooks.get_hooks(WITHHOLD_HOOK) for key in withhold())


def is_withheld(page):
    return page.translation_key in withheld_keys()


def publishing_refusals(page):
    """Why the page (as it would be published) may not be published; [] when it may."""
    return [
        reason for refuse in hooks.get_hooks(REFUSE_PUBLISHING_HOOK) if (reason := refuse(page))
    ]


def refuse_publishing_if_held(page):
    if reasons := publishing_refusals(page):
        raise PublishingRefused(" ".join(str(reason) for reason in reasons))


def hidden_sections():
    """Tree paths under which nothing is shown: restricted pages, and pages that are
    not live and have pages below them (a page itself not live is excluded anyway)."""
    return _shared_by_readers("hidden-sections", _find_hidden_sections)


def _find_hidden_sections():
    paths = set(PageViewRestriction.objects.values_list("page__path", flat=True))
    paths.update(Page.objects.filter(live=False, numchild__gt=0).values_list("path", flat=True))
    roots = []
    for path in sorted(paths):  # a section inside another one adds nothing
        if not roots or not path.startswith(roots[-1]):
            roots.append(path)
    return roots


def inside(sections, field="path"):
    """Q: the page at ``field`` lies in (or is the top of) one of the sections."""
    condition = Q(pk__in=[])
    for path in sections:
        condition |= Q(**{f"{field}__startswith": path})
    return condition


def hidden_groups():
    """The translation keys of the items hidden in every language: those held back by
    another app, and those whose source is hidden in its own tree (not live, or in a
    hidden section)."""
    return _shared_by_readers("hidden-groups", _find_hidden_groups)


def _find_hidden_groups():
    hidden_pages = Page.objects.filter(Q(live=False) | inside(hidden_sections()))
    with_hidden_source = (
        Page.objects.filter(translation_key__in=hidden_pages.values("translation_key"))
        .order_by()
        .values("translation_key")
        .annotate(source=Min("pk"), copies=Count("pk"))
        .filter(copies__gt=1, source__in=hidden_pages.values("pk"))  # a lone page hides itself
        .values_list("translation_key", flat=True)
    )
    return withheld_keys() | frozenset(with_hidden_source)


def group_source_id(translation_key):
    """The id of a translation group's source, as a subquery (see the module's docstring)."""
    oldest = Page.objects.filter(translation_key=translation_key).order_by("pk").values("pk")
    return Subquery(oldest[:1])


def visible(queryset):
    """The pages of a page queryset that every reader may see."""
    if not isinstance(queryset, QuerySet):  # a previewed revision's relations (modelcluster)
        queryset = queryset.model.objects.filter(pk__in=[page.pk for page in queryset])
    sections = hidden_sections()
    own_tree_ok = Q(live=True) & ~inside(sections)
    alias_source_ok = Q(alias_of__isnull=True) | (
        Q(alias_of__live=True) & ~inside(sections, "alias_of__path")
    )
    condition = own_tree_ok & alias_source_ok
    if hidden := hidden_groups():
        condition &= ~Q(translation_key__in=hidden)
    return queryset.filter(condition)


def with_languages(queryset):
    """Pages with their locale and their source's locale, which links and ``lang``
    attributes need (one query for a listing instead of one per page)."""
    return queryset.select_related("locale", "alias_of__locale")


def is_visible(page):
    return visible(Page.objects.filter(pk=page.pk)).exists()


def _paths_down_to(path):
    """The tree paths of a page and of every ancestor of it."""
    step = Page.steplen
    return [path[:end] for end in range(step, len(path) + 1, step)]


def _lineage(page):
    """(id, depth, live) of the page, its ancestors and, for an alias among them or a
    group whose source is hidden, the source and the source's ancestors: the pages that
    decide whether it may be served. Worked out once per reading request."""

    def find():
        rows = _lineage_rows(_paths_down_to(page.path))
        alias_sources = [alias_of for *_row, alias_of in rows if alias_of]
        sources = Q(pk__in=alias_sources)
        group_hidden = page.translation_key in hidden_groups()
        if group_hidden:  # its group's source may be what hides it
            sources |= Q(pk=group_source_id(page.translation_key))
        if alias_sources or group_hidden:
            source_paths = Page.objects.filter(sources).values_list("path", flat=True)
            paths = {path for source in source_paths for path in _paths_down_to(source)}
            rows += _lineage_rows(paths)
        return [row[:3] for row in rows]

    return remember(("lineage", page.pk), find)


def _lineage_rows(paths):
    return list(
        Page.objects.filter(path__in=paths).values_list("pk", "depth", "live", "alias_of_id")
    )


def view_restrictions(page):
    """Restrictions on a page and its ancestors, and on its group's source and an alias's
    source and their ancestors (Wagtail alone checks only an alias's source page)."""
    ids = {pk for pk, _depth, _live in _lineage(page)}
    return PageViewRestriction.objects.filter(page_id__in=ids)


def in_unpublished_section(page):
    """True when the page is served although it, an ancestor, its group's source, an
    alias's source or one of their ancestors is not live."""
    return not all(live for _pk, depth, live in _lineage(page) if depth > 1)
