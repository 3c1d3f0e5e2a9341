from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from knowledgebase.models import GuidePage

from .actions import mark_as_reviewed


@require_POST
def mark_reviewed(request, page_id):
    page = get_object_or_404(GuidePage, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    messages.success(request, mark_as_reviewed(page, request.user))
    return redirect("wagtailadmin_home")
