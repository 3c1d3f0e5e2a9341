from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = _("Community consent")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .gate import approval_changed
        from .models import CommunityApproval

        for signal in (post_save, post_delete):
            signal.connect(approval_changed, sender=CommunityApproval)
