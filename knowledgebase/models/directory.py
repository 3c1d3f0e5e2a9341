"""The members index as a directory: who in the Cluster has expertise or
infrastructure for a topic, a region or a kind of infrastructure.

``/<lang>/members/?topic=&region=&kind=`` takes the stable keys search uses (a topic
or region counts its children) and the infrastructure kinds. A member matches by its
own topics and regions (its expertise) or by an infrastructure it offers; with a
kind, only by its infrastructure. People are never listed: the directory shows
members and infrastructure, and a member's page names its contact points.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from knowledgebase.filters import BadFilter, choice_value, taxonomy_keys

from .base import ListingPage, live_in_locale, own_language_first, paginate
from .infrastructure import InfrastructureKind, InfrastructurePage
from .members import MemberPage
from .taxonomy import Region, Topic


@dataclass(frozen=True)
class DirectoryFilters:
    topics: list | None = None  # the chosen key and its descendants
    regions: list | None = None
    kind: str = ""

    @classmethod
    def from_params(cls, params):
        """The filters of a request; BadFilter names the parameter that is wrong."""
        return cls(
            topics=taxonomy_keys(params, "topic", Topic),
            regions=taxonomy_keys(params, "region", Region),
            kind=choice_value(params, "kind", InfrastructureKind),
        )

    @property
    def chosen(self):
        """{parameter: chosen key}, as the form shows them."""
        return {
            "topic": self.topics[0] if self.topics else "",
            "region": self.regions[0] if self.regions else "",
            "kind": self.kind,
        }

    def query(self):
        """The chosen filters as the start of a query string, for the further pages."""
        chosen = {name: key for name, key in self.chosen.items() if key}
        return urlencode(chosen) + "&" if chosen else ""

    def is_active(self):
        return any(self.chosen.values())

    def tagged(self, pages):
        """The pages tagged with a chosen topic and with a chosen region."""
        if self.topics is not None:
            pages = pages.filter(topics__key__in=self.topics)
        if self.regions is not None:
            pages = pages.filter(regions__key__in=self.regions)
        return pages


def matching_infrastructure(locale, filters):
    """Infrastructure readers may see in the locale, of the chosen kind and tags."""
    pages = filters.tagged(live_in_locale(InfrastructurePage, locale))
    if filters.kind:
        pages = pages.filter(kind=filters.kind)
    return own_language_first(pages.distinct(), "title")


def matching_members(locale, filters, infrastructure):
    """Members readers may see in the locale that match by their own expertise (not
    with a kind) or offer one of the matching ``infrastructure``."""
    members = live_in_locale(MemberPage, locale)
    if not filters.is_active():
        return own_language_first(members, "title")
    offering = infrastructure.values("members__translation_key")
    matches = Q(translation_key__in=offering)
    if not filters.kind:
        matches |= Q(pk__in=filters.tagged(members).values("pk"))
    return own_language_first(members.filter(matches), "title")


def offered_by(infrastructure, locale):
    """{infrastructure page id: [member short names]} in the locale, in two queries."""
    pairs = [
        (pk, str(key))
        for pk, key in infrastructure.values_list("pk", "members__translation_key")
        if key is not None
    ]
    members = live_in_locale(MemberPage, locale).filter(translation_key__in={k for _, k in pairs})
    names = {
        str(key): acronym or title
        for key, acronym, title in members.values_list("translation_key", "acronym", "title")
    }
    offered = {}
    for pk, key in pairs:
        if key in names:
            offered.setdefault(pk, []).append(names[key])
    return offered


class MemberIndexPage(ListingPage):
    subpage_types = ["knowledgebase.MemberPage"]

    class Meta:
        verbose_name = _("member index")

    def get_template(self, request, *args, **kwargs):
        return "knowledgebase/member_index_page.html"

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if response.context_data.get("filter_error"):
            response.status_code = 400
        return response

    def get_context(self, request, *args, **kwargs):
        context = super(ListingPage, self).get_context(request, *args, **kwargs)
        try:
            filters = DirectoryFilters.from_params(request.GET)
        except BadFilter as error:
            context["filter_error"] = str(error)
            filters = DirectoryFilters()
        infrastructure = matching_infrastructure(self.locale, filters)
        offered = offered_by(infrastructure, self.locale)
        listed = list(infrastructure)
        for item in listed:
            item.offered_by = offered.get(item.pk, [])
        context.update(
            filters=filters,
            chosen=filters.chosen,
            page_query=filters.query(),
            topic_choices=indented(Topic.tree(self.locale)),
            region_choices=indented(Region.tree(self.locale)),
            kind_choices=InfrastructureKind.choices,
            items=paginate(request, matching_members(self.locale, filters, infrastructure)),
            infrastructure=listed,
        )
        return context


def indented(tree):
    """[(item, label)] of a taxonomy tree, each label indented by its depth."""
    return [(item, "– " * depth + item.name) for item, depth in tree]
