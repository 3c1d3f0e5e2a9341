"""Community consent: who reviews for which community, whose consent was asked, the
approvals and "does not concern us" statements reviewers gave, and the workflow task
that asks them.

Each record belongs to an item (the translation key shared by all its language
versions) and a community, and holds for every translation and alias of the item.
A request, once recorded, keeps the community's consent required whatever the
item's communities become; only an approval or a statement that the item does not
concern the community, by one of its reviewers, releases it. Withdrawing an
approval (deleting the record) withholds the item from readers again.
"""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, Task, TaskState

from knowledgebase.models import Community

REVIEWERS_GROUP = "Community reviewers"


class CommunityReviewer(models.Model):
    """A user who may give or refuse consent on behalf of a community."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="community_reviews",
        verbose_name=_("user"),
    )
    community = models.ForeignKey(
        Community,
        on_delete=models.CASCADE,
        related_name="reviewers",
        verbose_name=_("community"),
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )

    class Meta:
        verbose_name = _("community reviewer")
        verbose_name_plural = _("community reviewers")
        constraints = [
            models.UniqueConstraint(fields=["user", "community"], name="one_link_per_community")
        ]

    def __str__(self):
        return f"{self.user} – {self.community}"


class CommunityApproval(models.Model):
    """A community's recorded consent to the publication of an item."""

    community = models.ForeignKey(
        Community,
        on_delete=models.PROTECT,
        related_name="approvals",
        verbose_name=_("community"),
    )
    page_translation_key = models.UUIDField(_("item"), db_index=True, editable=False)
    page = models.ForeignKey(
        Page,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("page approved"),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="community_approvals",
        verbose_name=_("reviewer"),
    )
    approved_at = models.DateTimeField(_("approved at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("community approval")
        verbose_name_plural = _("community approvals")
        ordering = ["-approved_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "page_translation_key"], name="one_approval_per_community"
            )
        ]

    def __str__(self):
        return f"{self.community} – {self.page or self.page_translation_key}"

    def save(self, *args, **kwargs):
        if self.page_id and not self.page_translation_key:  # recorded by hand in the admin
            self.page_translation_key = self.page.translation_key
        super().save(*args, **kwargs)


class ConsentRequest(models.Model):
    """A community's consent was asked for an item: it was sent for review, or published,
    naming the community. Editing the item's communities does not remove it."""

    community = models.ForeignKey(
        Community,
        on_delete=models.PROTECT,
        related_name="consent_requests",
        verbose_name=_("community"),
    )
    page_translation_key = models.UUIDField(_("item"), db_index=True, editable=False)
    page = models.ForeignKey(
        Page, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("page")
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)

    class Meta:
        verbose_name = _("consent request")
        verbose_name_plural = _("consent requests")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "page_translation_key"], name="one_request_per_community"
            )
        ]

    def __str__(self):
        return f"{self.community} – {self.page or self.page_translation_key}"


class NotConcerned(models.Model):
    """A community reviewer's statement that an item does not concern their community: it
    releases the item from that community's consent, as an approval does."""

    community = models.ForeignKey(
        Community,
        on_delete=models.PROTECT,
        related_name="not_concerned",
        verbose_name=_("community"),
    )
    page_translation_key = models.UUIDField(_("item"), db_index=True, editable=False)
    page = models.ForeignKey(
        Page, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("page")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="community_not_concerned",
        verbose_name=_("reviewer"),
    )
    stated_at = models.DateTimeField(_("stated at"), default=timezone.now)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("“does not concern us” statement")
        verbose_name_plural = _("“does not concern us” statements")
        ordering = ["-stated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "page_translation_key"], name="one_statement_per_community"
            )
        ]

    def __str__(self):
        return f"{self.community} – {self.page or self.page_translation_key}"


# Which communities' consent an item needs, and what releases it ----------------------


# The records by which a community releases an item.
RELEASES = (CommunityApproval, NotConcerned)


def required_communities(page):
    """The communities the page names, and those whose consent its item was asked for."""
    named = list(page.communities.all())
    named_keys = {community.translation_key for community in named}
    asked = Community.objects.filter(
        consent_requests__page_translation_key=page.translation_key
    ).exclude(translation_key__in=named_keys)
    return named + list(asked)


def released_by(translation_key):
    """Translation keys of the communities that approved the item or are not concerned."""
    return {
        community_key
        for model in RELEASES
        for community_key in model.objects.filter(page_translation_key=translation_key).values_list(
            "community__translation_key", flat=True
        )
    }


def pending_communities(page):
    """The communities whose consent the page's item needs and has not been given yet."""
    if getattr(page, "communities", None) is None:
        return []
    released = released_by(page.translation_key)
    return [c for c in required_communities(page) if c.translation_key not in released]


def record_requests(page):
    """Record that the consent of each community the page names was asked for its item."""
    communities = getattr(page, "communities", None)
    if communities is None:
        return
    keys = [community.translation_key for community in communities.all()]
    for community in Community.objects.filter(
        translation_key__in=keys, locale=Locale.get_default()
    ):
        ConsentRequest.objects.get_or_create(
            community=community,
            page_translation_key=page.translation_key,
            defaults={"page_id": page.pk},
        )


def record_approval(community, page, reviewer, note=""):
    approval, _created = CommunityApproval.objects.update_or_create(
        community=community,
        page_translation_key=page.translation_key,
        defaults={"page_id": page.pk, "reviewer": reviewer, "note": note},
    )
    return approval


def record_not_concerned(community, page, reviewer, note=""):
    statement, _created = NotConcerned.objects.update_or_create(
        community=community,
        page_translation_key=page.translation_key,
        defaults={"page_id": page.pk, "reviewer": reviewer, "note": note},
    )
    return statement


def under_review(page):
    """The page as its latest revision has it: the version in the workflow."""
    return page.specific.get_latest_revision_as_object()


class CommunityConsentTask(Task):
    """A workflow step: a reviewer of each community the item concerns approves it.

    Starting it records that each community's consent was asked. Each reviewer's
    approval, or statement that the item does not concern them, is recorded for
    their communities; the task is done when every community has released the
    item, and skipped for items that need no community's consent.
    """

    @classmethod
    def get_description(cls):
        return _("A community reviewer of each community the item concerns approves it")

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        page = under_review(workflow_state.content_object)
        record_requests(page)
        if not pending_communities(page):
            task_state.status = TaskState.STATUS_SKIPPED
            task_state.finished_at = timezone.now()
            task_state.save(update_fields=["status", "finished_at"])
        return task_state

    def communities_for(self, obj, user):
        """The communities still to approve the item that this user reviews for (as a
        member of the Community reviewers group linked to them)."""
        pending = pending_communities(under_review(obj))
        links = CommunityReviewer.objects.filter(user=user, user__groups__name=REVIEWERS_GROUP)
        reviewed = set(links.values_list("community__translation_key", flat=True))
        return [community for community in pending if community.translation_key in reviewed]

    def get_actions(self, obj, user):
        if not self.communities_for(obj, user):
            return []
        return [
            ("reject", _("Refuse consent"), True),
            ("not_concerned", _("Does not concern us"), True),
            ("approve", _("Give consent"), False),
            ("approve", _("Give consent with a note"), True),
        ]

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        releases = {"approve": record_approval, "not_concerned": record_not_concerned}
        if action_name not in releases:
            return super().on_action(task_state, user, action_name, **kwargs)
        page = under_review(task_state.workflow_state.content_object)
        for community in self.communities_for(page, user):
            releases[action_name](community, page, user, note=kwargs.get("comment", ""))
        if not pending_communities(page):
            task_state.approve(user=user, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        ids = [
            state.pk
            for state in in_progress.select_related("workflow_state")
            if self.communities_for(state.workflow_state.content_object, user)
        ]
        return in_progress.filter(pk__in=ids)

    class Meta:
        verbose_name = _("community consent task")
        verbose_name_plural = _("community consent tasks")
