"""Members and shared items for the connect-and-promote tests, and the three ways an
item is hidden from readers."""

from wagtail.models import PageViewRestriction

from tests import factories as f


def members(tree, *acronyms):
    return [
        f.MemberPageFactory(parent=tree.members, slug=acronym.lower(), acronym=acronym)
        for acronym in acronyms
    ]


def restricted_guide(tree, **fields):
    guide = f.GuidePageFactory(parent=tree.guides, **fields)
    PageViewRestriction.objects.create(
        page=guide, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    return guide


def draft_guide(tree, **fields):
    return f.GuidePageFactory(parent=tree.guides, live=False, **fields)


def unpublished_guide(tree, **fields):
    guide = f.GuidePageFactory(parent=tree.guides, **fields)
    guide.unpublish()
    return guide


def guide_awaiting_consent(tree, **fields):
    """Published naming a community that has not approved it (as an import could)."""
    return f.GuidePageFactory(parent=tree.guides, communities=[f.CommunityFactory()], **fields)


HIDING = {
    "restricted": restricted_guide,
    "draft": draft_guide,
    "unpublished": unpublished_guide,
    "awaiting consent": guide_awaiting_consent,
}
