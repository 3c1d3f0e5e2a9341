"""Which members work together: two members are linked by every item readers may see
that names them both. Drawn as an adjacency matrix (an SVG the server renders) with
a table equivalent, and listed as "Works with" on member pages."""

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

from knowledgebase.models import MemberPage
from knowledgebase.models.base import visible_in_locale
from knowledgebase.per_request import remember

from .items import members_of_items, source_members

CELL = 24  # px per matrix cell
LABEL_WIDTH = 110  # px for the member names left of and above the matrix


def shared_item_counts():
    """{(member key, member key): number of visible items they share}, each pair sorted.
    Worked out once per reading request."""
    return remember("outreach network", _count_shared_items)


def _count_shared_items():
    counts = Counter()
    for members in members_of_items().values():
        counts.update(combinations(sorted(members), 2))
    return dict(counts)


def partners_of(member_key):
    """{partner member key: number of shared items} of one member."""
    partners = {}
    for (first, second), count in shared_item_counts().items():
        if member_key in (first, second):
            partners[second if first == member_key else first] = count
    return partners


def members_in_locale(keys, locale):
    """{member key: member page} in the locale where translated, visible ones only."""
    pages = visible_in_locale(source_members(keys), MemberPage, locale)
    return {page.translation_key: page for page in pages}


@dataclass
class Link:
    first: MemberPage
    second: MemberPage
    count: int  # items they share


@dataclass
class Cell:
    x: int
    y: int
    count: int


@dataclass
class Matrix:
    """The lower half of a members × members matrix: one filled cell per link."""

    members: list  # [(member page, centre of its row and column)]
    cells: list
    size: int  # the drawing's width and height in px
    grid: int  # the matrix's width and height in px
    cell: int = CELL
    label_width: int = LABEL_WIDTH


def network(locale):
    """The links between members, each member's partners (strongest first) and the
    matrix that draws the links."""
    counts = shared_item_counts()
    keys = {key for pair in counts for key in pair}
    pages = members_in_locale(keys, locale)
    links = [
        Link(*sorted((pages[first], pages[second]), key=by_name), count)
        for (first, second), count in counts.items()
        if first in pages and second in pages
    ]
    members = sorted(
        {
            page.translation_key: page for link in links for page in (link.first, link.second)
        }.values(),
        key=by_name,
    )
    return partners_table(members, links), matrix(members, links)


def by_name(page):
    return page.short_name.lower()


def partners_table(members, links):
    """[(member, [(partner, shared items)])], partners strongest first."""
    partners = {member.translation_key: [] for member in members}
    for link in links:
        partners[link.first.translation_key].append((link.second, link.count))
        partners[link.second.translation_key].append((link.first, link.count))
    for found in partners.values():
        found.sort(key=lambda entry: (-entry[1], by_name(entry[0])))
    return [(member, partners[member.translation_key]) for member in members]


def matrix(members, links):
    position = {page.translation_key: index for index, page in enumerate(members)}
    cells = []
    for link in links:
        column, row = sorted(
            (position[link.first.translation_key], position[link.second.translation_key])
        )
        cells.append(Cell(x=column * CELL, y=row * CELL, count=link.count))
    centres = [(page, LABEL_WIDTH + index * CELL + CELL // 2) for index, page in enumerate(members)]
    grid = len(members) * CELL
    return Matrix(members=centres, cells=cells, size=LABEL_WIDTH + grid, grid=grid)
