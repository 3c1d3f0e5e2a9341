"""The register's admin views: Wagtail's generic model views, narrowed row by row by
``engagements.permissions``, and the overlap warnings after saving."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView as BaseHistoryView
from wagtail.admin.views.generic.usage import UsageView as BaseUsageView

from .notices import no_visits_warning, notify_coordinators, overlap_warning
from .overlaps import no_visit_periods_for, overlapping
from .permissions import (
    engagement_policy,
    member_authors_members,
    no_visit_policy,
    reviewed_communities,
)

# Forms -------------------------------------------------------------------------


class EngagementForm(WagtailAdminModelForm):
    """An author chooses among their own members (and those already named) and names one
    of theirs at least; editors choose among all members."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.own_members = None
        if self.for_user and not engagement_policy.has_model_permission(self.for_user, "change"):
            self.own_members = member_authors_members(self.for_user)
            named = self.instance.members.all() if self.instance.pk else self.own_members.none()
            field = self.fields["members"]
            field.queryset = (field.queryset.filter(pk__in=self.own_members) | named).distinct()

    def clean_members(self):
        members = self.cleaned_data["members"]
        if self.own_members is not None and not set(members) & set(self.own_members):
            raise ValidationError(_("Name at least one member you write for."))
        return members


class NoVisitPeriodForm(WagtailAdminModelForm):
    """A community reviewer marks periods of their own communities only."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.for_user and not no_visit_policy.has_model_permission(self.for_user, "change"):
            field = self.fields["community"]
            field.queryset = field.queryset.filter(pk__in=reviewed_communities(self.for_user))


# Views -------------------------------------------------------------------------


class RowPermissionMixin:
    """Open a row only for a user the policy allows ``row_action`` on it."""

    row_action = "view"

    def get_object(self, *args, **kwargs):
        instance = super().get_object(*args, **kwargs)
        user, policy = self.request.user, self.permission_policy
        if not policy.user_has_permission_for_instance(user, self.row_action, instance):
            raise PermissionDenied
        return instance


class IndexView(generic.IndexView):
    """The rows the user may see; edit and delete offered where they may."""

    def get_base_queryset(self):
        visible = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "view"
        )
        return super().get_base_queryset().filter(pk__in=visible.values("pk"))

    @cached_property
    def changeable(self):
        user = self.request.user
        return set(
            self.permission_policy.instances_user_has_permission_for(user, "change").values_list(
                "pk", flat=True
            )
        )

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if instance.pk in self.changeable else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if instance.pk in self.changeable else None


class WarnAfterSaving:
    """Set who created the row; after saving an engagement, warn of the clashes and tell
    the coordinators of each new overlapping pair."""

    def save_instance(self):
        if self.form.instance.pk is None:
            self.form.instance.created_by = self.request.user
        return super().save_instance()

    def form_valid(self, form):
        response = super().form_valid(form)
        if not self.expects_json_response:
            self.warn(self.object)
        return response

    def warn(self, engagement):
        others = overlapping(engagement)
        for other in others:
            messages.warning(self.request, overlap_warning(engagement, other))
        for period in no_visit_periods_for(engagement):
            messages.warning(self.request, no_visits_warning(period))
        notify_coordinators(engagement, others)


class CreateEngagementView(WarnAfterSaving, generic.CreateView):
    pass


class EditEngagementView(WarnAfterSaving, RowPermissionMixin, generic.EditView):
    row_action = "change"


class CreatePeriodView(generic.CreateView):
    def save_instance(self):
        self.form.instance.created_by = self.request.user
        return super().save_instance()


class EditView(RowPermissionMixin, generic.EditView):
    row_action = "change"


class DeleteView(RowPermissionMixin, generic.DeleteView):
    row_action = "delete"


class InspectView(RowPermissionMixin, generic.InspectView):
    pass


class HistoryView(RowPermissionMixin, BaseHistoryView):
    pass


class UsageView(RowPermissionMixin, BaseUsageView):
    pass
