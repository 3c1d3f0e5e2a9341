"""Admin: topics, regions, glossary terms, communities and cultural notices as
translatable snippets with search and filters; no page served from an unpublished
section or held back by another app; a refused publication explained to the editor;
authors and translators see no other member's drafts and no site-wide report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from knowledgebase.models import Community, CulturalNotice, GlossaryTerm, Region, Topic
from knowledgebase.permissions import (
    KnowledgePagePermissionPolicy,
    is_confined,
    listed_for,
    may_edit_snippet,
)
from knowledgebase.visibility import in_unpublished_section, is_withheld, publishing_refusals


class TranslatableSnippetEditView(EditView):
    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        if not may_edit_snippet(self.request.user, instance):
            raise PermissionDenied
        return instance


class TaxonomyViewSet(SnippetViewSet):
    edit_view_class = TranslatableSnippetEditView
    list_display = ["name", "key", "parent", "locale"]
    list_filter = ["parent", "locale"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    edit_view_class = TranslatableSnippetEditView
    icon = "openquote"
    list_display = ["label", "key", "locale"]
    list_filter = ["locale"]
    search_fields = ["label", "synonyms", "definition"]


class CommunityViewSet(SnippetViewSet):
    model = Community
    icon = "group"
    list_display = ["name", "key", "locale"]
    list_filter = ["locale"]
    search_fields = ["name"]


class CulturalNoticeViewSet(SnippetViewSet):
    model = CulturalNotice
    icon = "info-circle"
    list_display = ["label", "kind", "key", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["label", "text"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (TopicViewSet, RegionViewSet, GlossaryViewSet, CommunityViewSet, CulturalNoticeViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)


@hooks.register("before_serve_page")
def hide_pages_in_unpublished_sections(page, request, serve_args, serve_kwargs):
    """Wagtail serves a live page under an unpublished parent, or one another app holds
    back (see knowledgebase.visibility); readers get a 404."""
    if in_unpublished_section(page) or is_withheld(page):
        raise Http404


@hooks.register("before_publish_page")
def explain_refused_publishing(request, page):
    """The editor's changes are saved as a draft; the editor is told why it is not published."""
    if reasons := publishing_refusals(page):
        for reason in reasons:
            messages.error(request, reason)
        return redirect("wagtailadmin_pages:edit", page.pk)


register_permission_policy(Page, KnowledgePagePermissionPolicy(Page))


@hooks.register("construct_explorer_page_queryset")
def explore_no_other_members_drafts(parent_page, pages, request):
    """Not even by the address of another member's draft."""
    if not listed_for(request.user, Page.objects.filter(pk=parent_page.pk)).exists():
        raise PermissionDenied
    return listed_for(request.user, pages)


@hooks.register("construct_page_chooser_queryset")
def choose_no_other_members_drafts(pages, request):
    return listed_for(request.user, pages)


@hooks.register("construct_reports_menu")
def hide_site_wide_reports(request, menu_items):
    """Wagtail's own reports, refused to confined users (knowledgebase/site_reports.py)."""
    if is_confined(request.user):
        wagtail_reports = reverse("wagtailadmin_home") + "reports/"
        menu_items[:] = [item for item in menu_items if not item.url.startswith(wagtail_reports)]
