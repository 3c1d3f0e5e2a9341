"""The admin report "Searches that found nothing": the authors' backlog.

Per query and reader language over a chosen period (the last 30 days unless
chosen otherwise): how often it found nothing, how often it was searched, and
when it last found nothing. Most frequent first.
"""

import datetime

from django.conf import settings
from django.db.models import Max, Q, Sum
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from django_filters import ChoiceFilter

from search.models import DailySearchCount

DEFAULT_PERIOD = "30"
PERIODS = [
    ("7", _("Last 7 days")),
    ("30", _("Last 30 days")),
    ("90", _("Last 90 days")),
    ("365", _("Last 12 months")),
]


def language_name(code):
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return code


class NothingFoundFilterSet(WagtailFilterSet):
    language = ChoiceFilter(label=_("Language"), choices=settings.LANGUAGES)
    period = ChoiceFilter(
        label=_("Period"),
        choices=PERIODS,
        method="filter_period",
        empty_label=None,
        initial=DEFAULT_PERIOD,
    )

    class Meta:
        model = DailySearchCount
        fields = ["language"]

    def __init__(self, data=None, *args, **kwargs):
        data = data.copy() if data is not None else {}
        if not data.get("period"):
            data["period"] = DEFAULT_PERIOD
        super().__init__(data, *args, **kwargs)

    def filter_period(self, queryset, name, value):
        since = timezone.localdate() - datetime.timedelta(days=int(value) - 1)
        return queryset.filter(date__gte=since)


class NothingFoundReportView(ReportView):
    page_title = _("Searches that found nothing")
    header_icon = "search"
    verbose_name = _("query")
    verbose_name_plural = _("queries")
    index_url_name = "search_insight:nothing_found"
    index_results_url_name = "search_insight:nothing_found_results"
    filterset_class = NothingFoundFilterSet
    permission_policy = ModelPermissionPolicy(DailySearchCount)
    permission_required = "view"
    default_ordering = ["-nothing_found", "-last_seen", "query"]
    columns = [
        Column("query", label=_("Search"), sort_key="query"),
        Column(
            "language",
            label=_("Language"),
            accessor=lambda row: language_name(row["language"]),
            sort_key="language",
        ),
        NumberColumn("nothing_found", label=_("Found nothing"), sort_key="nothing_found"),
        NumberColumn("total_searches", label=_("Searches"), sort_key="total_searches"),
        Column("last_seen", label=_("Last found nothing"), sort_key="last_seen"),
    ]
    list_export = ["query", "language", "nothing_found", "total_searches", "last_seen"]
    export_headings = {
        "query": _("Search"),
        "language": _("Language"),
        "nothing_found": _("Found nothing"),
        "total_searches": _("Searches"),
        "last_seen": _("Last found nothing"),
    }

    def get_base_queryset(self):
        """One row per query and language; the period filter narrows the days summed."""
        return (
            DailySearchCount.objects.values("query", "language")
            .annotate(
                nothing_found=Sum("found_nothing"),
                total_searches=Sum("searches"),
                last_seen=Max("date", filter=Q(found_nothing__gt=0)),
            )
            .filter(nothing_found__gt=0)
        )
