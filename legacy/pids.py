"""PID health: does each legacy output's persistent identifier still lead somewhere?

A DOI is resolved through the DOI resolver, a Handle through the Handle resolver
(both settings, so tests and mirrors can point elsewhere), a URL as it is. Each is
asked with HEAD (GET where a server refuses HEAD), following redirects, with a
timeout, several at a time; the outcome of the last check is kept per output.
"""

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Min
from django.utils import timezone

import requests

from knowledgebase.identifiers import DOI, HANDLE, identifier_kind
from knowledgebase.models import OutputPage

from .models import PidCheck

HEAD_REFUSED = (405, 501)
USER_AGENT = "PolarKnowledgeBase-PIDCheck/1.0"


@dataclass(frozen=True)
class Resolution:
    status_code: int | None
    final_url: str
    error: str

    @property
    def ok(self):
        return self.status_code is not None and self.status_code < 400


def resolver_address(pid):
    """Where a PID is resolved: the DOI or Handle resolver, or the URL itself."""
    kind = identifier_kind(pid)
    if kind == "doi":
        return settings.PID_DOI_RESOLVER + DOI.match(pid).group(1)
    if kind == "handle":
        return settings.PID_HANDLE_RESOLVER + HANDLE.match(pid).group(1)
    return pid


def resolve(address, timeout):
    """Follow an address to its end; the last answer's status, or why there was none."""
    options = {"allow_redirects": True, "timeout": timeout, "headers": {"User-Agent": USER_AGENT}}
    try:
        response = requests.head(address, **options)
        if response.status_code in HEAD_REFUSED:
            with requests.get(address, stream=True, **options) as response:
                pass  # the status is enough; the body is not read
        return Resolution(response.status_code, response.url, "")
    except requests.Timeout:
        return Resolution(None, "", f"No answer within {timeout:g} seconds.")
    except requests.RequestException as error:
        return Resolution(None, "", type(error).__name__ + ": " + str(error)[:250])


def outputs_to_check():
    """One page per legacy output (its oldest version: the PID is the same in all)."""
    groups = OutputPage.objects.filter(alias_of__isnull=True).order_by().values("translation_key")
    ids = groups.annotate(first=Min("pk")).values_list("first", flat=True)
    return list(OutputPage.objects.filter(pk__in=ids).order_by("title"))


def check_all(outputs=None):
    """Resolve every output's PID, record the outcome, and return the PidCheck rows."""
    outputs = outputs_to_check() if outputs is None else outputs
    addresses = [resolver_address(output.identifier) for output in outputs]
    with ThreadPoolExecutor(max_workers=settings.PID_CHECK_WORKERS) as pool:
        resolutions = list(
            pool.map(lambda address: resolve(address, settings.PID_CHECK_TIMEOUT), addresses)
        )
    return [
        record(output, resolution) for output, resolution in zip(outputs, resolutions, strict=True)
    ]


def record(output, resolution):
    check, _created = PidCheck.objects.update_or_create(
        translation_key=output.translation_key,
        defaults={
            "output": output,
            "pid": output.identifier,
            "checked_at": timezone.now(),
            "status_code": resolution.status_code,
            "final_url": resolution.final_url[:2000],
            "ok": resolution.ok,
            "error": resolution.error[:300],
        },
    )
    return check


def broken_checks():
    """The last checks that failed, of outputs that still carry the PID checked."""
    checks = PidCheck.objects.filter(ok=False, output__identifier=F("pid"))
    return checks.select_related("output").order_by("-checked_at")
