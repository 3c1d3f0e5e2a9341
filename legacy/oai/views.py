"""The OAI-PMH 2.0 endpoint, /oai/: the six verbs over the guides, lessons and legacy
outputs readers may see.

One record per item (translation group), ``oai:<repository>:<translation key>``,
with a title, description and identifier per language. Protocol errors are answered
as the protocol says: an OAI-PMH document with an ``error`` element, HTTP 200.
"""

import re
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from knowledgebase.models import MemberPage
from knowledgebase.models.base import member_content_types

from ..records import SET_SPEC_PART, visible_member_keys
from . import listing
from .arguments import (
    ListQuery,
    OaiError,
    format_datestamp,
    list_query,
    query_from_token,
    read_arguments,
    resumption_token,
)
from .formats import FORMATS
from .xml import element, envelope, serialize

METADATA_PREFIX = re.compile(r"^[A-Za-z0-9\-_.!~*'()]+$")
SET_NAMES = {"type": "Content types", "member": "Members"}


@csrf_exempt  # harvesters may POST their arguments; nothing is changed
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def oai_endpoint(request):
    params = request.POST if request.method == "POST" else request.GET
    now = format_datestamp(timezone.now())
    base_url = request.build_absolute_uri(request.path)
    verb, arguments = None, {}
    try:
        verb, arguments = read_arguments(params)
        check_values(arguments)
        root = envelope(now, base_url, {"verb": verb, **arguments})
        VERBS[verb](root, arguments, request)
    except OaiError as error:
        # After badVerb or badArgument the request is echoed without its arguments.
        echoed = {} if error.code in ("badVerb", "badArgument") else {"verb": verb, **arguments}
        root = envelope(now, base_url, echoed)
        element(root, "error", error.message, {"code": error.code})
    return HttpResponse(serialize(root), content_type="text/xml; charset=utf-8")


def check_values(arguments):
    if not METADATA_PREFIX.match(arguments.get("metadataPrefix", "x")):
        raise OaiError("badArgument", "metadataPrefix has characters a prefix cannot have.")
    set_spec = arguments.get("set")
    if set_spec is not None and not all(map(SET_SPEC_PART.match, set_spec.split(":"))):
        raise OaiError("badArgument", "set has characters a set spec cannot have.")


# Identifiers ---------------------------------------------------------------------


def repository_identifier():
    """The domain that names this repository in identifiers (oai-identifier scheme)."""
    return settings.OAI_REPOSITORY_IDENTIFIER or urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname


def oai_identifier(translation_key):
    return f"oai:{repository_identifier()}:{translation_key}"


def entry_for(identifier):
    prefix = f"oai:{repository_identifier()}:"
    try:
        key = (
            str(uuid.UUID(identifier.removeprefix(prefix))) if identifier.startswith(prefix) else ""
        )
    except ValueError:
        key = ""
    entry = listing.current_entries([key]).get(key) if key else None
    if entry is None:
        raise OaiError("idDoesNotExist", f"No item has the identifier {identifier!r}.")
    return entry


def metadata_format(prefix):
    if prefix not in FORMATS:
        raise OaiError("cannotDisseminateFormat", f"The format {prefix!r} is not offered.")
    return FORMATS[prefix]


# Verbs ---------------------------------------------------------------------------


def identify(root, arguments, request):
    answer = element(root, "Identify")
    element(answer, "repositoryName", settings.OAI_REPOSITORY_NAME)
    element(answer, "baseURL", request.build_absolute_uri(request.path))
    element(answer, "protocolVersion", "2.0")
    element(answer, "adminEmail", settings.OAI_ADMIN_EMAIL)
    entries = listing.current_entries().values()
    earliest = min((listing.datestamp(entry) for entry in entries), default=timezone.now())
    element(answer, "earliestDatestamp", format_datestamp(earliest))
    element(answer, "deletedRecord", "transient")
    element(answer, "granularity", "YYYY-MM-DDThh:mm:ssZ")


def list_metadata_formats(root, arguments, request):
    formats = FORMATS.values()
    if "identifier" in arguments:
        entry = entry_for(arguments["identifier"])
        formats = [format for format in formats if format.applies_to(entry)]
    answer = element(root, "ListMetadataFormats")
    for format in formats:
        described = element(answer, "metadataFormat")
        element(described, "metadataPrefix", format.prefix)
        element(described, "schema", format.schema)
        element(described, "metadataNamespace", format.namespace)


def list_sets(root, arguments, request):
    if "resumptionToken" in arguments:
        raise OaiError("badResumptionToken", "ListSets answers in one go; there is no token.")
    answer = element(root, "ListSets")
    for spec, name in sets():
        described = element(answer, "set")
        element(described, "setSpec", spec)
        element(described, "setName", name)


def sets():
    """(spec, name) of every set: one per content type and per member, under two parents."""
    yield "type", SET_NAMES["type"]
    for content_type in member_content_types():
        yield f"type:{content_type.key}", str(content_type.facet_label)
    yield "member", SET_NAMES["member"]
    keys = sorted(visible_member_keys())
    names = {page.slug: page.display_name for page in MemberPage.sources_for_keys(keys)}
    for key in keys:
        yield f"member:{key}", names.get(key, key)


def get_record(root, arguments, request):
    format = metadata_format(arguments["metadataPrefix"])
    entry = entry_for(arguments["identifier"])
    if not (entry.deleted or format.applies_to(entry)):
        raise OaiError("cannotDisseminateFormat", f"This item has no {format.prefix} record.")
    items = listing.items_for([entry])
    write_record(
        element(root, "GetRecord"), entry, items.get(entry.translation_key), format, request
    )


def list_identifiers(root, arguments, request):
    answer_list(root, "ListIdentifiers", arguments, request)


def list_records(root, arguments, request):
    answer_list(root, "ListRecords", arguments, request)


def answer_list(root, verb, arguments, request):
    if "resumptionToken" in arguments:
        query = query_from_token(verb, arguments["resumptionToken"])
    else:
        query = list_query(arguments)
    format = metadata_format(query.metadata_prefix)
    matching, page = listing.selected(query, format)
    if not page:
        if matching:  # a token past the end
            raise OaiError("badResumptionToken", "The resumptionToken is past the list's end.")
        raise OaiError("noRecordsMatch", "No record matches the request.")
    answer = element(root, verb)
    items = listing.items_for(page) if verb == "ListRecords" else {}
    for entry in page:
        if verb == "ListRecords":
            write_record(answer, entry, items.get(entry.translation_key), format, request)
        else:
            write_header(answer, entry)
    write_token(answer, verb, query, matching, page)


def write_token(answer, verb, query, matching, page):
    """A token for the rest, or an empty one on the last answer of a list in parts."""
    sent = query.cursor + len(page)
    if sent >= len(matching) and query.cursor == 0:
        return  # the whole list in one answer
    attributes = {"completeListSize": str(len(matching)), "cursor": str(query.cursor)}
    token = ""
    if sent < len(matching):
        last = page[-1]
        following = ListQuery(
            query.metadata_prefix,
            query.set_spec,
            query.start,
            query.end,
            after=listing.order(last),
            cursor=sent,
        )
        token = resumption_token(verb, following)
    element(answer, "resumptionToken", token, attributes)


def write_header(parent, entry):
    header = element(parent, "header", attributes={"status": "deleted"} if entry.deleted else None)
    element(header, "identifier", oai_identifier(entry.translation_key))
    element(header, "datestamp", format_datestamp(listing.datestamp(entry)))
    for spec in entry.set_specs:
        element(header, "setSpec", spec)


def write_record(parent, entry, item, format, request):
    record = element(parent, "record")
    if item is None:  # deleted, or hidden since the entries were read
        entry.deleted = True
    write_header(record, entry)
    if not entry.deleted:
        format.write(element(record, "metadata"), item, request)


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
