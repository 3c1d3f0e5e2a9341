"""Wagtail's site-wide reports (site history, aging pages, workflows, workflow tasks,
locked pages, page types usage) list every member's pages, drafts included: users
confined to their own work (authors, translators, reviewers) are refused them.

These routes stand in front of Wagtail's own report addresses (polarkb/urls.py), and
the reports menu leaves them out for those users (knowledgebase/wagtail_hooks.py).
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.urls import path

from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import reports

from knowledgebase.permissions import is_confined


def refused_to_confined(view):
    @wraps(view)
    def checked(request, *args, **kwargs):
        if is_confined(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return require_admin_access(checked)


urlpatterns = [
    path(str(report.pattern), refused_to_confined(report.callback))
    for report in reports.urlpatterns
]
