"""The metadata formats: Dublin Core (``oai_dc``) for every item, DataCite 4
(``oai_datacite``) for items with a DOI. One record holds every language of an item."""

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.conf import settings

from knowledgebase.identifiers import resolver_url
from knowledgebase.models import Licence
from knowledgebase.visibility import visible

from ..records import doi_of
from .xml import XML, XSI, element, qname

DC = "http://purl.org/dc/elements/1.1/"
OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
OAI_DATACITE = "http://schema.datacite.org/oai/oai-1.1/"
DATACITE = "http://datacite.org/schema/kernel-4"

for prefix, namespace in (
    ("dc", DC),
    ("oai_dc", OAI_DC),
    ("oai_datacite", OAI_DATACITE),
    ("datacite", DATACITE),
):
    ET.register_namespace(prefix, namespace)

# (DCMI type, DataCite resourceTypeGeneral) by content type, and by kind for outputs.
RESOURCE_TYPES = {
    "guide": ("Text", "Text"),
    "lesson": ("Text", "Text"),
    "infrastructure": ("Service", "Service"),
    "activity": ("Event", "Event"),
    "dataset": ("Dataset", "Dataset"),
    "report": ("Text", "Report"),
    "software": ("Software", "Software"),
    "training": ("Text", "InteractiveResource"),
}


@dataclass
class Item:
    """An item's record: its entry (see legacy.records) and its visible pages, source first."""

    entry: object
    pages: list

    @property
    def source(self):
        return self.pages[0]

    def resource_types(self):
        return RESOURCE_TYPES.get(self.entry.type_key) or RESOURCE_TYPES[self.source.kind]

    def creators(self):
        return [member.display_name for member in visible(self.source.members.all())]

    def pid_url(self):
        identifier = getattr(self.source, "identifier", "") or doi_of(self.source)
        return resolver_url(identifier) if identifier else ""

    def licence(self):
        """(label, URL) of the licence; the URL is "" for all rights reserved."""
        code = getattr(self.source, "licence", "")
        return (Licence(code).label, self.source.licence_url) if code else ("", "")


@dataclass(frozen=True)
class MetadataFormat:
    prefix: str
    schema: str
    namespace: str
    write: object  # (parent element, item, request) -> None
    only_with_doi: bool = False

    def applies_to(self, entry):
        return entry.has_doi or not self.only_with_doi


def write_dublin_core(parent, item, request):
    dc = element(
        parent,
        qname(OAI_DC, "dc"),
        attributes={qname(XSI, "schemaLocation"): f"{OAI_DC} {FORMATS['oai_dc'].schema}"},
    )

    def add(name, text, language=None):
        attributes = {qname(XML, "lang"): language} if language else None
        element(dc, qname(DC, name), text, attributes)

    for page in item.pages:
        add("title", page.title, page.locale.language_code)
    for name in item.creators():
        add("creator", name)
    for topic in item.source.topics.all():
        add("subject", topic.name)
    for page in item.pages:
        add("description", page.summary, page.locale.language_code)
    add("publisher", settings.OAI_REPOSITORY_NAME)
    add("date", item.source.published.isoformat())
    add("type", item.resource_types()[0])
    if pid := item.pid_url():
        add("identifier", pid)
    for page in item.pages:
        add("identifier", page.get_full_url(request))
    for language in sorted(item.entry.languages):
        add("language", language)
    label, url = item.licence()
    if label:
        add("rights", url or label)
    for region in item.source.regions.all():
        add("coverage", region.name)


def write_datacite(parent, item, request):
    wrapper = element(
        parent,
        qname(OAI_DATACITE, "oai_datacite"),
        attributes={
            qname(XSI, "schemaLocation"): f"{OAI_DATACITE} {FORMATS['oai_datacite'].schema}"
        },
    )
    element(wrapper, qname(OAI_DATACITE, "schemaVersion"), "4")
    element(wrapper, qname(OAI_DATACITE, "datacentreSymbol"), settings.OAI_DATACITE_SYMBOL)
    payload = element(wrapper, qname(OAI_DATACITE, "payload"))
    write_datacite_resource(payload, item, request)


def write_datacite_resource(parent, item, request):
    source = item.source
    resource = element(
        parent,
        qname(DATACITE, "resource"),
        attributes={
            qname(
                XSI, "schemaLocation"
            ): f"{DATACITE} http://schema.datacite.org/meta/kernel-4/metadata.xsd"
        },
    )

    def add(parent, name, text=None, **attributes):
        return element(parent, qname(DATACITE, name), text, attributes)

    def lang(page):
        return {qname(XML, "lang"): page.locale.language_code}

    add(resource, "identifier", doi_of(source), identifierType="DOI")
    creators = add(resource, "creators")
    for name in item.creators() or [settings.OAI_REPOSITORY_NAME]:
        creator = add(creators, "creator")
        add(creator, "creatorName", name, nameType="Organizational")
    titles = add(resource, "titles")
    for page in item.pages:
        element(titles, qname(DATACITE, "title"), page.title, lang(page))
    add(resource, "publisher", settings.OAI_REPOSITORY_NAME)
    add(resource, "publicationYear", str(source.published.year))
    general = item.resource_types()[1]
    kind = getattr(source, "get_kind_display", source.get_verbose_name)()
    add(resource, "resourceType", kind, resourceTypeGeneral=general)
    if topics := list(source.topics.all()):
        subjects = add(resource, "subjects")
        for topic in topics:
            add(subjects, "subject", topic.name)
    add(resource, "language", source.locale.language_code)
    alternates = add(resource, "alternateIdentifiers")
    for page in item.pages:
        add(
            alternates,
            "alternateIdentifier",
            page.get_full_url(request),
            alternateIdentifierType="URL",
        )
    label, url = item.licence()
    if label:
        rights_list = add(resource, "rightsList")
        add(rights_list, "rights", label, **({"rightsURI": url} if url else {}))
    descriptions = add(resource, "descriptions")
    for page in item.pages:
        attributes = {**lang(page), "descriptionType": "Abstract"}
        element(descriptions, qname(DATACITE, "description"), page.summary, attributes)


FORMATS = {
    "oai_dc": MetadataFormat(
        prefix="oai_dc",
        schema="http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
        namespace=OAI_DC,
        write=write_dublin_core,
    ),
    "oai_datacite": MetadataFormat(
        prefix="oai_datacite",
        schema="http://schema.datacite.org/oai/oai-1.1/oai.xsd",
        namespace=OAI_DATACITE,
        write=write_datacite,
        only_with_doi=True,
    ),
}
