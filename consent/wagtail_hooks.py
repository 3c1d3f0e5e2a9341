"""Community consent in the admin and in the content app's visibility rule."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .gate import publishing_refusal, withheld_translation_keys
from .models import CommunityApproval, CommunityReviewer, ConsentRequest, NotConcerned

hooks.register("withhold_from_readers", withheld_translation_keys)
hooks.register("refuse_publishing", publishing_refusal)


class ApprovalViewSet(SnippetViewSet):
    """Consent given, with its date; deleting one withdraws the consent."""

    model = CommunityApproval
    icon = "success"
    list_display = ["community", "page", "reviewer", "approved_at"]
    list_filter = ["community"]
    inspect_view_enabled = True


class NotConcernedViewSet(SnippetViewSet):
    """Reviewers' statements that an item does not concern their community, with their note."""

    model = NotConcerned
    icon = "cross"
    list_display = ["community", "page", "reviewer", "stated_at"]
    list_filter = ["community"]
    inspect_view_enabled = True


class RequestViewSet(SnippetViewSet):
    """Whose consent was asked for which item: needed until that community releases it."""

    model = ConsentRequest
    icon = "help"
    list_display = ["community", "page", "requested_at"]
    list_filter = ["community"]
    inspect_view_enabled = True


class ReviewerViewSet(SnippetViewSet):
    model = CommunityReviewer
    icon = "user"
    list_display = ["user", "community"]
    list_filter = ["community"]


class ConsentGroup(SnippetViewSetGroup):
    items = (RequestViewSet, ApprovalViewSet, NotConcernedViewSet, ReviewerViewSet)
    menu_icon = "group"
    menu_label = _("Community consent")
    menu_name = "consent"


register_snippet(ConsentGroup)
