"""Mark as reviewed: the review date becomes today, and nothing else changes."""

from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import WorkflowState

from knowledgebase.visibility import PublishingRefused


def mark_as_reviewed(page, user):
    """Save the latest version of the guide with today's review date as a new revision,
    then send it through the page's workflow, or publish it if the user may publish
    and no workflow applies. Returns a message for the user."""
    draft = page.get_latest_revision_as_object()
    draft.last_reviewed = timezone.localdate()
    revision = draft.save_revision(user=user, log_action=True)
    workflow = page.get_workflow()
    if workflow:
        state = page.current_workflow_state
        if state is None:
            workflow.start(page, user)
        elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            state.resume(user)
        return _("“%(title)s” is marked as reviewed and submitted to “%(workflow)s”.") % {
            "title": page.title,
            "workflow": workflow.name,
        }
    if page.permissions_for_user(user).can_publish():
        try:
            revision.publish(user=user)
        except PublishingRefused as refusal:
            return str(refusal)
        return _("“%(title)s” is marked as reviewed and published.") % {"title": page.title}
    return _("“%(title)s” is marked as reviewed; the change is saved as a draft.") % {
        "title": page.title
    }
