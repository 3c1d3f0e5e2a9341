"""Who may do what to a knowledge page: Wagtail's page permissions, narrowed for
member authors and translators.

Content sits under one index page per type and language, not under one subtree
per member, so Wagtail's tree-based permissions cannot tell a member's guides from
another's. A user with the page permission "add" but not "change" (Wagtail's own
"your pages only" level) is confined here:

- they add guides, lessons and legacy outputs only when they write for a member
  (``Membership``), and only under the indexes of those types;
- they edit an item only when one of its members is theirs (a member they write
  for, or an ended one handed over to it: ``MemberPage.custodian``), or when it is a
  translation and they may translate (wagtail-localize's "submit translation"),
  so a translator never edits the source; a workflow task may also open the
  editor to its reviewers, as in Wagtail;
- they delete only their member's drafts and never move pages; publishing and
  unpublishing need Wagtail's "publish" permission, which they lack, so their
  work goes through the review workflow.

In the admin's page explorer, its search, the page chooser and the admin API, a
confined user sees live pages (public anyway) and the drafts of their members'
items (and, for translators, of translations), never other members' drafts
(``KnowledgePagePermissionPolicy``, ``listed_for``); Wagtail's site-wide reports are
refused to them (``is_confined``).

Users with "change" (Cluster editors) and superusers keep Wagtail's rules.
Snippets (topics, regions, glossary terms) follow the same idea: without the
right to add them, a user edits translations only (``may_edit_snippet``).
"""

from functools import cached_property

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import GroupPagePermission, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import TranslationSource

from knowledgebase import content_types
from knowledgebase.admin_forms import KnowledgePageForm

TRANSLATE_PERMISSION = "wagtail_localize.submit_translation"


class KnowledgePagePermissionTester(PagePermissionTester):
    @cached_property
    def confined(self):
        return (
            self.user.is_active and not self.user.is_superuser and "change" not in self.permissions
        )

    def can_add_subpage(self):
        if self.confined and not self.adds_member_content():
            return False
        return super().can_add_subpage()

    def can_edit(self):
        if not self.confined:
            return super().can_edit()
        if self.page_is_root:
            return False
        return (
            self.is_member_item()
            or self.is_translation_to_translate()
            or self.workflow_task_opens_editor()
        )

    def can_delete(self, ignore_bulk=False):
        if not self.confined:
            return super().can_delete(ignore_bulk=ignore_bulk)
        return self.is_member_item() and not self.page.live and self.page.is_leaf()

    def can_move(self):
        return not self.confined and super().can_move()

    def can_copy(self):
        return not self.confined and super().can_copy()

    # What a confined user's rights rest on ------------------------------------

    def adds_member_content(self):
        """An index of guides, lessons or outputs, and a user who writes for a member."""
        subpage_models = self.page.specific_class.creatable_subpage_models()
        return (
            bool(subpage_models)
            and all(is_written_by_members(model) for model in subpage_models)
            and self.user.memberships.exists()
        )

    def is_member_item(self):
        # The saved members count, not those of a draft being edited.
        model = self.page.specific_class
        return is_written_by_members(model) and (
            model.objects.filter(in_care_of(self.user, "members__"), pk=self.page.pk).exists()
        )

    def is_translation_to_translate(self):
        """A translation made through wagtail-localize (not its source, not an alias)."""
        return (
            self.page.alias_of_id is None
            and self.user.has_perm(TRANSLATE_PERMISSION)
            and is_translation(self.page)
        )

    def workflow_task_opens_editor(self):
        task = self.page.current_workflow_task
        return bool(task and task.user_can_access_editor(self.page, self.user))


def in_care_of(user, member=""):
    """Q: the member (at the lookup prefix ``member``) is one the user writes for, or an
    ended member handed over to one they write for (its custodian)."""
    return Q(**{f"{member}memberships__user": user}) | Q(
        **{f"{member}custodian__memberships__user": user}
    )


def is_written_by_members(page_model):
    """Guides, lessons and outputs: pages whose ``members`` decide who may author them."""
    return getattr(page_model, "written_by_members", False)


def is_confined(user):
    """Neither a superuser nor given the page right "change" anywhere (Cluster editors
    are): an author, translator or community reviewer."""
    if user.is_superuser:
        return False
    rights = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="change_page"
    )
    return not rights.exists()


def listed_for(user, pages):
    """The pages a confined user may see listed in the admin: live pages, their members'
    items in every language and, for translators, translations. Others see every page."""
    if not is_confined(user):
        return pages
    shown = Q(live=True)
    for model in filter(is_written_by_members, content_types.models()):
        own = model.objects.filter(in_care_of(user, "members__"))
        shown |= Q(translation_key__in=own.values("translation_key"))
    if user.has_perm(TRANSLATE_PERMISSION):
        sources = TranslationSource.objects.filter(object_id=OuterRef("translation_key"))
        shown |= Exists(sources.exclude(locale_id=OuterRef("locale_id")))
    return pages.filter(shown)


class KnowledgePagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, with other members' drafts left out of what a confined user
    explores (the explorer, its search and the admin API ask ``explorable_instances``)."""

    def explorable_instances(self, user):
        return listed_for(user, super().explorable_instances(user))


def is_translation(instance):
    """Made through wagtail-localize from a source in another language."""
    sources = TranslationSource.objects.filter(object_id=instance.translation_key)
    return sources.exclude(locale_id=instance.locale_id).exists()


def may_edit_snippet(user, instance):
    """Topics, regions and glossary terms: users who may change but not add them
    (translators) change translations only, never the source."""
    add = f"{instance._meta.app_label}.add_{instance._meta.model_name}"
    return user.is_superuser or user.has_perm(add) or is_translation(instance)


class MemberContentForm(KnowledgePageForm):
    """A confined author picks among their own members and keeps at least one of them,
    so the item they save stays theirs to edit; a new item starts with the member of
    someone who writes for exactly one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.preselect_only_member()
        self.own_members = None
        if self.for_user is not None and self.is_confined() and "members" in self.fields:
            field = self.fields["members"]
            own_members = field.queryset.filter(in_care_of(self.for_user)).distinct()
            if not own_members.exists():  # a translator, not an author
                return
            self.own_members = own_members
            # Co-authoring members already on the item stay on it.
            kept = [member.pk for member in self.instance.members.all()] if self.instance.pk else []
            field.queryset = field.queryset.filter(
                Q(pk__in=self.own_members.values("pk")) | Q(pk__in=kept)
            )

    def preselect_only_member(self):
        if self.for_user is None or self.instance.pk or "members" not in self.fields:
            return
        members = list(self.for_user.memberships.values_list("member", flat=True)[:2])
        if len(members) == 1 and self.fields["members"].queryset.filter(pk=members[0]).exists():
            self.initial["members"] = members

    def is_confined(self):
        section = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
        tester = section.permissions_for_user(self.for_user) if section else None
        return getattr(tester, "confined", False)

    def clean_members(self):
        members = self.cleaned_data["members"]
        if self.own_members is not None and not set(members) & set(self.own_members):
            raise forms.ValidationError(_("Choose at least one of the members you write for."))
        return members
