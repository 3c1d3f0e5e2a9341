from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkspacesConfig(AppConfig):
    name = "workspaces"
    verbose_name = _("Member workspaces")

    def ready(self):
        from .signals import connect_review_of_new_indexes

        connect_review_of_new_indexes()
