from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspacesConfig(AppConfig):
    name = "workspaces"
    verbose_name = _("Member workspaces")

    def ready(self):
        from . import signals  # noqa: F401
