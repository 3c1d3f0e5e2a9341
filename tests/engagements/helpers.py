"""A small register: two communities, three members, their authors, community reviewers
and an editor, for the engagement register tests."""

import datetime
import types

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from consent.workflows import add_community_reviewer
from engagements.models import Engagement, NoVisitPeriod
from tests import factories as f
from workspaces.members import add_member_author
from workspaces.roles import CLUSTER_EDITORS, MEMBER_AUTHORS

START = datetime.date(2027, 3, 1)


def user(username, *group_names):
    account = get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="pw"
    )
    account.groups.add(*(Group.objects.get(name=name) for name in group_names))
    return account


def author(username, member):
    account = user(username, MEMBER_AUTHORS)
    add_member_author(account, member)
    return account


def reviewer(username, community):
    account = user(username)
    add_community_reviewer(account, community)
    return account


def days(n):
    return START + datetime.timedelta(days=n)


def engagement(community, members, start=0, length=5, **fields):
    fields = {
        "purpose": "A visit.",
        "contact_name": "Coordinator",
        "contact_email": "coordinator@example.org",
        **fields,
    }
    item = Engagement.objects.create(
        community=community, start=days(start), end=days(start + length - 1), **fields
    )
    item.members.set(members)
    return item


def no_visits(community, start, length, reason="Spring hunt"):
    return NoVisitPeriod.objects.create(
        community=community, start=days(start), end=days(start + length - 1), reason=reason
    )


def register(tree):
    """Communities, members and people; no engagement yet."""
    kalaallit = f.CommunityFactory(key="kalaallit", name="Kalaallit of Disko Bay")
    sami = f.CommunityFactory(key="sami", name="Sámi herders")
    ice, snow, tundra = (
        f.MemberPageFactory(parent=tree.members, title=title, slug=title.lower(), acronym=title)
        for title in ("ICE", "SNOW", "TUNDRA")
    )
    return types.SimpleNamespace(
        kalaallit=kalaallit,
        sami=sami,
        ice=ice,
        snow=snow,
        tundra=tundra,
        ice_author=author("ice-author", ice),
        snow_author=author("snow-author", snow),
        tundra_author=author("tundra-author", tundra),
        kalaallit_reviewer=reviewer("kalaallit-reviewer", kalaallit),
        sami_reviewer=reviewer("sami-reviewer", sami),
        editor=user("editor", CLUSTER_EDITORS),
        reader=user("reader"),
    )


def form_data(community, members, start, end, **fields):
    return {
        "community": community.pk,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "purpose": "Workshop with hunters.",
        "members": [member.pk for member in members],
        "contact_name": "Aku Coordinator",
        "contact_email": "aku@example.org",
        "status": "planned",
        **fields,
    }
