from django.apps import AppConfig

from polarkb.catalogues import ensure_catalogues


class PolarKnowledgeBaseConfig(AppConfig):
    name = "polarkb"
    verbose_name = "Polar Knowledge Base"

    def ready(self):
        ensure_catalogues()
