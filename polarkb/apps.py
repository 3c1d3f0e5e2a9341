from django.apps import AppConfig


class PolarKnowledgeBaseConfig(AppConfig):
    name = "polarkb"
    verbose_name = "Polar Knowledge Base"

    def ready(self):
        from polarkb.catalogues import ensure_catalogues

        ensure_catalogues()
