"""New languages get the same roles and review: rights on their home page, the workflow on
the indexes of the content types that are reviewed (``knowledgebase.content_types``)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page

from knowledgebase import content_types
from knowledgebase.models import Membership

from .members import join_authors, leave_authors_without_members
from .roles import grant_section_rights
from .workflows import assign_review


def is_home_page(instance):
    """A language's home page: a page right below the root of the tree."""
    return isinstance(instance, Page) and instance.depth == 2


@receiver(post_save)
def grant_rights_on_new_home_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw and is_home_page(instance):
        grant_section_rights(apps, instance)


def review_items_of_new_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_review(apps, instance)


def connect_review_of_new_indexes():
    for content_type in content_types.reviewed_types():
        post_save.connect(review_items_of_new_index, sender=content_type.index_model)


@receiver(post_save, sender=Membership)
def membership_makes_an_author(sender, instance, created, raw=False, **kwargs):
    """However a membership is made (command, admin, demo), its user becomes an author."""
    if not raw:
        join_authors(instance.user)


@receiver(post_delete, sender=Membership)
def last_membership_ends_authorship(sender, instance, **kwargs):
    leave_authors_without_members(instance.user)
