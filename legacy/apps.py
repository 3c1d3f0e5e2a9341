from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegacyConfig(AppConfig):
    name = "legacy"
    verbose_name = _("Legacy for harvesters")

    def ready(self):
        from . import ledger

        ledger.connect()
