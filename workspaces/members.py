"""The members a user writes for, and the items those members wrote."""

from knowledgebase.models import MemberContentPage, MemberPage


def members_of(user):
    """The source-language member pages the user writes for."""
    return MemberPage.objects.filter(memberships__user=user)


def member_translation_keys(user):
    return list(members_of(user).values_list("translation_key", flat=True))


def writes_for(user, page):
    """True when the page is a member item (in any language) by one of the user's members."""
    page = page.specific
    if not isinstance(page, MemberContentPage):
        return False
    keys = set(member_translation_keys(user))
    return any(member.translation_key in keys for member in page.members.all())
