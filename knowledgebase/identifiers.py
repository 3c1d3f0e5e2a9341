"""Persistent identifiers: DOIs, Handles and plain URLs, and their resolvers."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator, URLValidator
from django.utils.translation import gettext_lazy as _

DOI = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?(10\.\d{4,9}/\S+)$", re.IGNORECASE)
HANDLE = re.compile(r"^(?:https?://hdl\.handle\.net/|hdl:)?(\d+(?:\.\d+)*/\S+)$", re.IGNORECASE)

validate_doi = RegexValidator(DOI, _("Enter a DOI such as 10.5281/zenodo.1234567."))


def identifier_kind(value):
    """'doi', 'handle' or 'url' for a persistent identifier."""
    if DOI.match(value):
        return "doi"
    if HANDLE.match(value):
        return "handle"
    return "url"


def resolver_url(value):
    """A clickable URL for a DOI, Handle or URL."""
    if match := DOI.match(value):
        return f"https://doi.org/{match.group(1)}"
    if match := HANDLE.match(value):
        return f"https://hdl.handle.net/{match.group(1)}"
    return value


def validate_persistent_identifier(value):
    if identifier_kind(value) == "url":
        try:
            URLValidator(schemes=["https", "http"])(value)
        except ValidationError:
            raise ValidationError(
                _("Enter a DOI (10.xxxx/...), a Handle (hdl:...) or a web address.")
            ) from None
