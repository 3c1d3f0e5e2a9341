"""The Cluster in numbers, counted from what readers may see: items by type (a
translation group is one item), outputs with a persistent identifier, the languages
each is really translated into (aliases do not count), members, the communities
engaged with their consent (items awaiting it are not visible, so do not count), and
items by year of their date."""

from dataclasses import dataclass

from knowledgebase.content_types import CONTENT_TYPES
from knowledgebase.identifiers import identifier_kind
from knowledgebase.per_request import remember

from .items import has_field, member_content_types, visible_originals

PID_FIELDS = ("identifier", "doi")  # legacy outputs' DOI, Handle or URL; guides' DOI
PERSISTENT_KINDS = {"doi", "handle"}  # a plain web address is not a persistent identifier


@dataclass
class Figures:
    types: list  # the content type keys counted, in registry order
    totals: dict  # {type key: items}
    with_pid: dict  # {type key: items with a persistent identifier}, types that have one
    languages: dict  # {language code: {type key: items really available in it}}
    years: dict  # {year: {type key: items}}
    communities: int  # communities named by visible items

    def as_dict(self):
        return {
            "items": self.totals,
            "with_persistent_identifier": self.with_pid,
            "communities_engaged": self.communities,
            "by_language": self.languages,
            "by_year": {str(year): counts for year, counts in self.years.items()},
        }

    def rows(self):
        """(figure, content type, language, year, count) rows for a spreadsheet."""
        yield from (("items", key, "", "", count) for key, count in self.totals.items())
        for key, count in self.with_pid.items():
            yield ("with_persistent_identifier", key, "", "", count)
        yield ("communities_engaged", "", "", "", self.communities)
        for code, counts in self.languages.items():
            yield from (("by_language", key, code, "", n) for key, n in counts.items())
        for year, counts in self.years.items():
            yield from (("by_year", key, "", year, n) for key, n in counts.items())


def figures():
    """The Cluster's figures, worked out once per reading request."""
    return remember("outreach numbers", count_figures)


def count_figures():
    types = list(CONTENT_TYPES)
    rows = {c.key: _originals(c.model) for c in types}
    totals = {key: len({row["translation_key"] for row in found}) for key, found in rows.items()}
    with_pid = {c.key: _with_pid(c.model) for c in types if _pid_field(c.model)}
    return Figures(
        types=[c.key for c in types],
        totals=totals,
        with_pid=with_pid,
        languages=_by_language(rows),
        years=_by_year(rows),
        communities=_communities_engaged(),
    )


def _pid_field(model):
    return next((name for name in PID_FIELDS if has_field(model, name)), None)


def _with_pid(model):
    """Items with a DOI or Handle."""
    values = visible_originals(model).values_list("translation_key", _pid_field(model))
    return len({key for key, value in values if identifier_kind(value) in PERSISTENT_KINDS})


def _originals(model):
    return list(
        visible_originals(model).values("translation_key", "locale__language_code", "published")
    )


def _by_language(rows):
    groups = {}
    for key, found in rows.items():
        for row in found:
            groups.setdefault(row["locale__language_code"], {}).setdefault(key, set()).add(
                row["translation_key"]
            )
    return {
        code: {key: len(items) for key, items in counts.items()}
        for code, counts in sorted(groups.items())
    }


def _by_year(rows):
    """Items by the year of their date (the earliest among their versions)."""
    first_year = {}
    for key, found in rows.items():
        for row in found:
            group = (key, row["translation_key"])
            year = row["published"].year
            first_year[group] = min(year, first_year.get(group, year))
    years = {}
    for (key, _item), year in first_year.items():
        counts = years.setdefault(year, {})
        counts[key] = counts.get(key, 0) + 1
    return dict(sorted(years.items()))


def _communities_engaged():
    """Communities named by at least one visible item (visible: consent given)."""
    engaged = set()
    for content_type in member_content_types():
        if has_field(content_type.model, "communities"):
            pages = visible_originals(content_type.model).filter(communities__isnull=False)
            engaged.update(pages.values_list("communities__translation_key", flat=True))
    return len(engaged)
