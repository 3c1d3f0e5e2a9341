"""The network, the Cluster in numbers, the feeds and the embeddable list."""

import csv

from django.conf import settings
from django.http import Http404, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from wagtail.models import Locale

from csp.decorators import csp_replace

from knowledgebase.content_types import CONTENT_TYPES
from knowledgebase.models import MemberPage
from knowledgebase.models.base import content_in_locale, visible_in_locale
from knowledgebase.per_request import active_locale

from .charts import bar_chart
from .feeds import ItemsFeed
from .filters import BadFilter, item_filters, member_by_key
from .items import member_content_types
from .network import network
from .numbers import figures


def reader_locale():
    """The reader's locale; a language the site has no content in yet has none of these
    pages either."""
    try:
        return active_locale()
    except Locale.DoesNotExist:
        raise Http404("No content in this language") from None


def bad_request(error):
    return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")


@require_GET
def network_page(request):
    partners, matrix = network(reader_locale())
    context = {
        "partners": partners,
        "matrix": matrix,
        # Translators: Readers see this as the title when the network page is shared in social
        # media.
        "card_title": _("The network"),
        # Translators: Readers see this as the description when the network page is shared in social
        # media.
        "card_description": _("Which members of the EU Polar Cluster work together."),
    }
    return render(request, "outreach/network.html", context)


@require_GET
def numbers_page(request):
    numbers = figures()
    labels = {c.key: str(c.label) for c in CONTENT_TYPES}
    type_rows = [(labels[key], count) for key, count in numbers.totals.items()]
    context = {
        "numbers": numbers,
        "labels": labels,
        "type_rows": type_rows,
        "type_chart": bar_chart(type_rows),
        "pid_rows": [(labels[key], count) for key, count in numbers.with_pid.items()],
        "year_chart": bar_chart([(str(y), sum(c.values())) for y, c in numbers.years.items()]),
        "year_rows": [
            (year, [counts.get(key, 0) for key in numbers.types])
            for year, counts in numbers.years.items()
        ],
        "language_rows": [
            (code, [counts.get(key, 0) for key in numbers.types])
            for code, counts in numbers.languages.items()
        ],
        # Translators: Readers see this as the title when the figures page is shared in social
        # media.
        "card_title": _("The Cluster in numbers"),
        # Translators: Readers see this as the description when the figures page is shared in social
        # media.
        "card_description": _("What the members of the EU Polar Cluster produced together."),
    }
    return render(request, "outreach/numbers.html", context)


@require_GET
def numbers_json(request):
    return JsonResponse(figures().as_dict())


@require_GET
def numbers_csv(request):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="polar-cluster-numbers.csv"'
    writer = csv.writer(response)
    writer.writerow(["figure", "content_type", "language", "year", "count"])
    writer.writerows(figures().rows())
    return response


@require_GET
def feed(request):
    try:
        lookups = item_filters(request.GET)
    except BadFilter as error:
        return bad_request(error)
    return ItemsFeed(reader_locale(), lookups)(request)


# Framable by any site unless EMBED_FRAME_ANCESTORS lists the allowed origins. The
# answer is not kept in the shared page cache, which would lose the frame permission.
@require_GET
@xframe_options_exempt
@csp_replace({"frame-ancestors": settings.EMBED_FRAME_ANCESTORS})
@cache_control(private=True, max_age=300)
def embed(request):
    try:
        member = member_by_key(request.GET)
    except BadFilter as error:
        return bad_request(error)
    if member is None:
        # Translators: Readers see this as an error when a member's embedded box names no member;
        # keep ?member=<key> unchanged.
        return bad_request(_("Name a member: ?member=<key>."))
    locale = reader_locale()
    pages = content_in_locale(locale, "members", [member.translation_key])
    context = {
        "site": request.build_absolute_uri("/").rstrip("/"),
        "member": visible_in_locale(MemberPage.objects.filter(pk=member.pk), MemberPage, locale)[0],
        "sections": [
            (kind, [page for page in pages if isinstance(page, kind.model)])
            for kind in member_content_types()
        ],
    }
    return render(request, "outreach/embed.html", context)
