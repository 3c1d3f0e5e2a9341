"""New languages get the same roles and review: rights on their home page, the workflow on
their guide, lesson and output indexes."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from home.models import HomePage
from knowledgebase.models import GuideIndexPage, LessonIndexPage, Membership, OutputIndexPage

from .members import join_authors, leave_authors_without_members
from .roles import grant_section_rights
from .workflows import assign_review


@receiver(post_save, sender=HomePage)
def grant_rights_on_new_home_page(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_section_rights(apps, instance)


@receiver(post_save, sender=GuideIndexPage)
@receiver(post_save, sender=LessonIndexPage)
@receiver(post_save, sender=OutputIndexPage)
def review_items_of_new_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_review(apps, instance)


@receiver(post_save, sender=Membership)
def membership_makes_an_author(sender, instance, created, raw=False, **kwargs):
    """However a membership is made (command, admin, demo), its user becomes an author."""
    if not raw:
        join_authors(instance.user)


@receiver(post_delete, sender=Membership)
def last_membership_ends_authorship(sender, instance, **kwargs):
    leave_authors_without_members(instance.user)
