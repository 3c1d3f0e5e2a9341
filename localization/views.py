"""Admin views: the translation status report, the provenance form, and page creation
with the page's copies in every language."""

import datetime

from django.apps import apps
from django.contrib import messages
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets import pages
from wagtail.models import Page, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy

from .forms import ProvenanceForm
from .models import ProvenanceMethod
from .provenance import (
    is_current,
    is_machine_translated,
    provenance_for,
    record_provenance,
    recorded_provenance,
)
from .sources import edit_url, is_translation, kind_label, submit_translation_url
from .status import MISSING, StatusReport


def can_edit(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return ModelPermissionPolicy(type(instance)).user_has_permission(user, "change")


def provenance_url(instance, next_url=None):
    meta = instance._meta
    url = reverse(
        "localization:provenance", args=[meta.app_label, meta.model_name, quote(instance.pk)]
    )
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def status_url(locale=None):
    url = reverse("localization:status")
    return f"{url}?locale={locale.language_code}" if locale else url


class TranslationStatusView(WagtailAdminTemplateMixin, TemplateView):
    """Counts per locale; with ?locale=, every item of that locale by type, with links."""

    template_name = "localization/status_report.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "wagtail-localize-language"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        statuses = StatusReport().all_locales()
        code = self.request.GET.get("locale")
        selected = next((s for s in statuses if s.locale.language_code == code), None)
        context.update(statuses=statuses, selected=selected, groups=[])
        if selected:
            context["groups"] = [
                (kind_label(kind), selected.counts(kind), [self.row(item) for item in items])
                for kind, items in selected.by_kind().items()
            ]
        return context

    def row(self, item):
        """An item with the links and provenance the report shows for it."""
        user = self.request.user
        target = item.target
        may_translate = user.has_perm("wagtail_localize.submit_translation")
        return {
            "item": item,
            "source_url": edit_url(item.source),
            "target_url": edit_url(target) if target else "",
            "translate_url": submit_translation_url(item.source)
            if item.state == MISSING and may_translate
            else "",
            "provenance": provenance_for(target),
            "provenance_url": provenance_url(target, self.request.get_full_path())
            if target and can_edit(user, target)
            else "",
        }


class ProvenanceView(WagtailAdminTemplateMixin, FormView):
    """Record how a translated page or snippet was translated, and by whom."""

    template_name = "localization/provenance_form.html"
    form_class = ProvenanceForm
    page_title = gettext_lazy("Translation provenance")
    header_icon = "wagtail-localize-language"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.instance = translated_instance(kwargs["app_label"], kwargs["model_name"], kwargs["pk"])

    def dispatch(self, request, *args, **kwargs):
        if not can_edit(request.user, self.instance):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return f"{self.instance} ({self.instance.locale.get_display_name()})"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": status_url(self.instance.locale), "label": _("Translation status")},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        record = recorded_provenance(self.instance)
        if record is not None:
            return {"method": record.method, "translator": record.translator}
        if is_machine_translated(self.instance):
            return {"method": ProvenanceMethod.MACHINE}
        return {"method": ProvenanceMethod.HUMAN}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = recorded_provenance(self.instance)
        context.update(
            instance=self.instance,
            record=record,
            record_is_stale=record is not None and not is_current(record, self.instance),
            provenance=provenance_for(self.instance),
            edit_url=edit_url(self.instance),
            next_url=self.next_url(),
        )
        return context

    def form_valid(self, form):
        record_provenance(
            self.instance,
            form.cleaned_data["method"],
            form.cleaned_data["translator"],
            user=self.request.user,
        )
        messages.success(
            self.request,
            _("Provenance of '%(title)s' saved.") % {"title": self.instance},
        )
        return redirect(self.next_url())

    def next_url(self):
        next_url = self.request.POST.get("next") or self.request.GET.get("next")
        if next_url and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={self.request.get_host()}
        ):
            return next_url
        return status_url(self.instance.locale)


def translated_instance(app_label, model_name, pk):
    """The translated page or snippet named in the URL; 404 for anything else."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    if not issubclass(model, TranslatableMixin):
        raise Http404
    instance = get_object_or_404(model, pk=unquote(pk))
    if isinstance(instance, Page):
        instance = instance.specific
    if not is_translation(instance):
        raise Http404(_("Only translations have a provenance."))
    return instance


class CreatePageView(CreateView):
    """Wagtail's page creation in one transaction with the page's copies in every language
    (wagtail-localize makes them in its after_create_page hook), so a page never exists
    without them. Repeated by a racing autosave (the editor's autosave and its submit
    both post here before the browser learns the page exists), it updates the page the
    first request made instead of failing on the slug or making a second page."""

    RACE_WINDOW = datetime.timedelta(minutes=10)

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            # Creations under one parent take turns (SQLite: the transaction's write lock).
            Page.objects.select_for_update().filter(pk=self.parent_page.pk).first()
            if (draft := self.draft_just_made_by_this_user()) is not None:
                return EditView.as_view()(request, page_id=draft.pk)
            return super().post(request, *args, **kwargs)

    def draft_just_made_by_this_user(self):
        slug = self.request.POST.get("slug", "")
        if not slug:
            return None
        return (
            Page.objects.child_of(self.parent_page)
            .filter(
                slug=slug,
                content_type=self.page_content_type,
                owner=self.request.user,
                alias_of__isnull=True,
                first_published_at__isnull=True,
                latest_revision_created_at__gte=timezone.now() - self.RACE_WINDOW,
            )
            .first()
        )


class PageViewSet(pages.PageViewSet):
    add_view_class = CreatePageView
