"""Admin: the report of index updates waiting for the search engine."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page

from search.models import PendingIndexUpdate


class IndexQueueReportView(WagtailAdminTemplateMixin, TemplateView):
    """Queued groups, the ones set aside first: which page, how often rejected, why."""

    template_name = "search/index_queue_report.html"
    page_title = gettext_lazy("Search index queue")
    header_icon = "search"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        updates = list(PendingIndexUpdate.objects.order_by("-set_aside", "queued_at")[:500])
        pages = Page.objects.filter(
            translation_key__in=[update.translation_key for update in updates],
            alias_of__isnull=True,
        ).order_by("pk")
        first_page = {}
        for page in pages:
            first_page.setdefault(page.translation_key, page)
        context["rows"] = [(update, first_page.get(update.translation_key)) for update in updates]
        context["set_aside"] = sum(update.set_aside for update in updates)
        return context
