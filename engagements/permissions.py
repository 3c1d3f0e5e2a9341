"""Who sees and edits the register.

- Cluster editors (the model permissions, given by migration 0002) and superusers:
  everything.
- Member authors (users who write for a member, ``knowledgebase.Membership``): add
  engagements, edit and delete those of their own members, and see, read-only,
  every other engagement with a community their members engage with; see every
  "no visits please" period.
- Community reviewers (the consent app's reviewers, through ``Community.reviewers``,
  in the Community reviewers group): see every engagement with their communities,
  and mark, edit and delete their communities' "no visits please" periods.

Anyone else, signed in or not, sees nothing of it.
"""

from django.db.models import Q

from wagtail.permission_policies import ModelPermissionPolicy

from knowledgebase.models import Community, Membership

from .models import Engagement, NoVisitPeriod

REVIEWERS_GROUP = "Community reviewers"
CHANGES = ("add", "change", "delete")


def member_authors_members(user):
    """The source-language member pages the user writes for (none for the anonymous)."""
    if not user.is_active:
        return Membership.objects.none()
    return Membership.members_of(user)


def reviewed_communities(user):
    """The communities the user reviews for, as a community reviewer."""
    if not user.is_active:
        return Community.objects.none()
    return Community.objects.filter(
        reviewers__user=user, reviewers__user__groups__name=REVIEWERS_GROUP
    ).distinct()


class RolePermissionPolicy(ModelPermissionPolicy):
    """The model permissions for editors; the role's rules, row by row, for others."""

    def has_model_permission(self, user, action):
        return super().user_has_permission(user, action)

    def user_has_permission(self, user, action):
        return self.has_model_permission(user, action) or self.role_allows(user, action)

    def instances_user_has_permission_for(self, user, action):
        if self.has_model_permission(user, action):
            return self.model.objects.all()
        return self.role_instances(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.instances_user_has_permission_for(user, action).filter(pk=instance.pk).exists()

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return any(self.user_has_permission_for_instance(user, a, instance) for a in actions)


class EngagementPermissionPolicy(RolePermissionPolicy):
    def role_allows(self, user, action):
        if action in CHANGES:
            return member_authors_members(user).exists()
        if action == "view":
            return member_authors_members(user).exists() or reviewed_communities(user).exists()
        return False

    def role_instances(self, user, action):
        own = Engagement.objects.filter(members__in=member_authors_members(user))
        if action in CHANGES:
            return Engagement.objects.filter(pk__in=own.values("pk"))
        if action == "view":
            return Engagement.objects.filter(
                Q(community__in=own.values("community"))
                | Q(community__in=reviewed_communities(user))
            )
        return Engagement.objects.none()


class NoVisitPeriodPermissionPolicy(RolePermissionPolicy):
    def role_allows(self, user, action):
        if action in CHANGES:
            return reviewed_communities(user).exists()
        if action == "view":
            return reviewed_communities(user).exists() or member_authors_members(user).exists()
        return False

    def role_instances(self, user, action):
        if action == "view" and member_authors_members(user).exists():
            return NoVisitPeriod.objects.all()
        if action in (*CHANGES, "view"):
            return NoVisitPeriod.objects.filter(community__in=reviewed_communities(user))
        return NoVisitPeriod.objects.none()


engagement_policy = EngagementPermissionPolicy(Engagement)
no_visit_policy = NoVisitPeriodPermissionPolicy(NoVisitPeriod)
