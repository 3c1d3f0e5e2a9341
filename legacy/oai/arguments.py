"""An OAI-PMH request's arguments, checked as the protocol says (OAI-PMH 2.0, 3.1 and 4).

Anything wrong becomes an ``OaiError`` with the protocol's error code and a
sentence saying what is wrong; the endpoint answers it as an OAI-PMH error.
"""

import datetime
from dataclasses import dataclass

from django.core import signing

VERBS = {
    # verb: (required arguments, optional arguments); a resumption token excludes the rest
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}
DAY = "%Y-%m-%d"
SECONDS = "%Y-%m-%dT%H:%M:%SZ"
TOKEN_SALT = "legacy.oai.resumption"


class OaiError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class ListQuery:
    """A list request: its format, set and dates, and where the last answer ended."""

    metadata_prefix: str
    set_spec: str | None = None
    start: datetime.datetime | None = None
    end: datetime.datetime | None = None
    after: tuple | None = None  # (datestamp, translation key) of the last record sent
    cursor: int = 0  # records sent before this answer


def read_arguments(params):
    """{name: value} of a request's arguments (a QueryDict), with its verb checked."""
    verbs = params.getlist("verb")
    if len(verbs) != 1:
        raise OaiError("badVerb", "The request needs exactly one verb argument.")
    verb = verbs[0]
    if verb not in VERBS:
        raise OaiError("badVerb", f"{verb!r} is not an OAI-PMH verb.")
    arguments = {}
    for name, values in params.lists():
        if name == "verb":
            continue
        if len(values) > 1:
            raise OaiError("badArgument", f"The argument {name!r} is repeated.")
        arguments[name] = values[0]
    check_names(verb, arguments)
    return verb, arguments


def check_names(verb, arguments):
    required, optional = VERBS[verb]
    if unknown := sorted(set(arguments) - required - optional):
        raise OaiError("badArgument", f"{verb} takes no argument {', '.join(unknown)}.")
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OaiError("badArgument", "A resumptionToken is the only argument with the verb.")
        return
    if missing := sorted(required - set(arguments)):
        raise OaiError("badArgument", f"{verb} needs the argument(s) {', '.join(missing)}.")


def parse_datestamp(value, name):
    """(UTC datetime, granularity) of a from/until argument: a day or a second."""
    for granularity in (DAY, SECONDS):
        try:
            moment = datetime.datetime.strptime(value, granularity)
        except ValueError:
            continue
        return moment.replace(tzinfo=datetime.UTC), granularity
    raise OaiError(
        "badArgument", f"{name} must be a day (YYYY-MM-DD) or a UTC time (YYYY-MM-DDThh:mm:ssZ)."
    )


def list_query(arguments):
    """The ListIdentifiers/ListRecords query of a first request (not a token)."""
    start = end = None
    granularities = set()
    if "from" in arguments:
        start, granularity = parse_datestamp(arguments["from"], "from")
        granularities.add(granularity)
    if "until" in arguments:
        end, granularity = parse_datestamp(arguments["until"], "until")
        granularities.add(granularity)
        if granularity == DAY:  # the whole day
            end += datetime.timedelta(days=1, seconds=-1)
    if len(granularities) > 1:
        raise OaiError("badArgument", "from and until must have the same granularity.")
    if start and end and start > end:
        raise OaiError("badArgument", "from is later than until.")
    return ListQuery(arguments["metadataPrefix"], arguments.get("set"), start, end)


def format_datestamp(moment):
    return moment.astimezone(datetime.UTC).strftime(SECONDS)


def resumption_token(verb, query):
    """An opaque token that carries the query and where its answer ended, signed."""
    data = {
        "verb": verb,
        "prefix": query.metadata_prefix,
        "set": query.set_spec,
        "from": query.start and format_datestamp(query.start),
        "until": query.end and format_datestamp(query.end),
        "after": [format_datestamp(query.after[0]), query.after[1]],
        "cursor": query.cursor,
    }
    return signing.dumps(data, salt=TOKEN_SALT, compress=True)


def query_from_token(verb, token):
    try:
        data = signing.loads(token, salt=TOKEN_SALT)
        if data["verb"] != verb:
            raise ValueError("another verb's token")
        return ListQuery(
            metadata_prefix=data["prefix"],
            set_spec=data["set"],
            start=data["from"] and parse_datestamp(data["from"], "from")[0],
            end=data["until"] and parse_datestamp(data["until"], "until")[0],
            after=(parse_datestamp(data["after"][0], "after")[0], data["after"][1]),
            cursor=int(data["cursor"]),
        )
    except (signing.BadSignature, KeyError, TypeError, ValueError, IndexError, OaiError):
        raise OaiError("badResumptionToken", "The resumptionToken is invalid.") from None
