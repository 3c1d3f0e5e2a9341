"""Which members a user writes for: the link between people and member workspaces."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Membership(models.Model):
    """A user writes for a member (a source-language member page)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    member = models.ForeignKey(
        "knowledgebase.MemberPage",
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("member"),
    )
    created = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "member"], name="one_membership_per_member")
        ]

    def __str__(self):
        return f"{self.user} – {self.member}"
