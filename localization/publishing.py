"""Saving a wagtail-localize translation and publishing it at once."""

from wagtail.models import DraftStateMixin


def save_and_publish(translation, user=None):
    """Write a translation's strings into its target and publish it now.

    For pages (and other objects with drafts) wagtail-localize defers publishing
    to the end of the transaction, using the object as it was when translated.
    In a transaction that goes on to add pages under the new translation (a
    batch import, the demo loader, a test) that stale copy would overwrite the
    tree's child count and hide the children, so the revision is published here.
    """
    has_drafts = isinstance(translation.source.get_source_instance(), DraftStateMixin)
    translation.save_target(user=user, publish=not has_drafts)
    target = translation.get_target_instance()
    if has_drafts:
        target.get_latest_revision().publish(user=user)
    return target
