from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = _("Community consent")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.signals import page_published

        from .gate import consent_changed, requested_on_publication
        from .models import CommunityApproval, ConsentRequest, NotConcerned

        for model in (CommunityApproval, ConsentRequest, NotConcerned):
            for signal in (post_save, post_delete):
                signal.connect(consent_changed, sender=model)
        page_published.connect(requested_on_publication)
