"""Community consent in the admin and in the content app's visibility rule."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .gate import publishing_refusal, withheld_translation_keys
from .models import CommunityApproval, CommunityReviewer

hooks.register("withhold_from_readers", withheld_translation_keys)
hooks.register("refuse_publishing", publishing_refusal)


class ApprovalViewSet(SnippetViewSet):
    """Consent given, with its date; deleting one withdraws the consent."""

    model = CommunityApproval
    icon = "success"
    list_display = ["community", "page", "reviewer", "approved_at"]
    list_filter = ["community"]
    inspect_view_enabled = True


class ReviewerViewSet(SnippetViewSet):
    model = CommunityReviewer
    icon = "user"
    list_display = ["user", "community"]
    list_filter = ["community"]


class ConsentGroup(SnippetViewSetGroup):
    items = (ApprovalViewSet, ReviewerViewSet)
    menu_icon = "group"
    menu_label = _("Community consent")
    menu_name = "consent"


register_snippet(ConsentGroup)
