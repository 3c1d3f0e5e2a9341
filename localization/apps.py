from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalizationConfig(AppConfig):
    name = "localization"
    verbose_name = _("Localization")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import copies  # noqa: F401 - registers the system check
