"""schema.org descriptions (JSON-LD) of guides, lessons, legacy outputs and
infrastructure, for search engines and dataset finders: name, description, the
persistent identifier, licence, the members as creators, dates, language and the item's
other language versions."""

import json

from django.conf import settings

from knowledgebase.identifiers import DOI, HANDLE, identifier_kind, resolver_url
from knowledgebase.models import GuidePage, InfrastructurePage, LessonPage
from knowledgebase.visibility import visible

# schema.org type by page model, and by kind for legacy outputs.
SCHEMA_TYPES = {
    GuidePage: "HowTo",
    LessonPage: "LearningResource",
    InfrastructurePage: "Service",
    "dataset": "Dataset",
    "report": "Report",
    "software": "SoftwareSourceCode",
    "training": "LearningResource",
}
PID_NAMES = {"doi": "DOI", "handle": "Handle"}
# Characters that could end the script element or start markup, escaped as JSON allows.
HTML_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def schema_type(page):
    return SCHEMA_TYPES.get(type(page)) or SCHEMA_TYPES.get(getattr(page, "kind", None))


def describe(page, request):
    """The schema.org description of a guide, lesson or output page; None for others."""
    if page.alias_of_id:  # a page shown before it is translated: describe the original
        page = page.alias_of.specific
    kind = schema_type(page)
    if kind is None:
        return None
    url = page.get_full_url(request)
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "@id": url,
        "url": url,
        "name": page.title,
        "description": page.summary,
        "inLanguage": page.locale.language_code,
        "datePublished": page.published.isoformat(),
        "publisher": {"@type": "Organization", "name": settings.OAI_REPOSITORY_NAME},
        "creator": [
            {
                "@type": "Organization",
                "name": member.display_name,
                "url": member.get_full_url(request),
            }
            for member in page.visible_members()
        ],
    }
    if changed := page.last_published_at or page.latest_revision_created_at:
        data["dateModified"] = changed.isoformat()
    if identifier := persistent_identifier(page):
        data["identifier"] = identifier
    if hasattr(page, "licence"):  # a licence's address, or its name (all rights reserved)
        data["license"] = page.licence_url or str(page.get_licence_display())
    data.update(translations(page, kind, request))
    return data


def persistent_identifier(page):
    """The page's PID as schema.org has it: a DOI or Handle as a PropertyValue, a URL as is."""
    value = getattr(page, "identifier", "") or getattr(page, "doi", "")
    if not value:
        return None
    kind = identifier_kind(value)
    if kind == "url":
        return value
    pattern = DOI if kind == "doi" else HANDLE
    return {
        "@type": "PropertyValue",
        "propertyID": PID_NAMES[kind],
        "value": pattern.match(value).group(1),
        "url": resolver_url(value),
    }


def translations(page, kind, request):
    """workTranslation on the original (the oldest version), translationOfWork on the others."""
    versions = list(
        visible(page.get_translations(inclusive=True).filter(alias_of__isnull=True))
        .select_related("locale")
        .order_by("pk")
    )
    if len(versions) < 2:
        return {}

    def reference(version):
        return {
            "@type": kind,
            "@id": version.get_full_url(request),
            "inLanguage": version.locale.language_code,
        }

    original = versions[0]
    if original.pk != page.pk:
        return {"translationOfWork": reference(original)}
    return {"workTranslation": [reference(version) for version in versions[1:]]}


def encode(data):
    """JSON for a <script type="application/ld+json"> element."""
    return json.dumps(data, ensure_ascii=False).translate(HTML_ESCAPES)
