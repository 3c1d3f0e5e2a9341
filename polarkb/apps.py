from django.apps import AppConfig
from django.core import checks

from polarkb.catalogues import check_catalogues


class PolarKnowledgeBaseConfig(AppConfig):
    name = "polarkb"
    verbose_name = "Polar Knowledge Base"

    def ready(self):
        checks.register(check_catalogues, checks.Tags.translation)
