"""Making a user an author of a member: one membership, and the Member authors group."""

from django.contrib.auth.models import Group

from knowledgebase.models import Membership

from .roles import MEMBER_AUTHORS


def add_member_author(user, member):
    """Returns True when the user was not yet an author of that member."""
    _membership, created = Membership.objects.get_or_create(user=user, member=member)
    return created


def join_authors(user):
    user.groups.add(Group.objects.get_or_create(name=MEMBER_AUTHORS)[0])


def leave_authors_without_members(user):
    if not Membership.objects.filter(user=user).exists():
        user.groups.remove(*Group.objects.filter(name=MEMBER_AUTHORS))
