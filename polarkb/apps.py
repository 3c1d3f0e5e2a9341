from django.apps import AppConfig
from django.core import checks

from polarkb.catalogues import check_catalogues


class PolarKnowledgeBaseConfig(AppConfig):
    name = "polarkb"
    verbose_name = "Polar Knowledge Base"

    def ready(self):
        from knowledgebase import keeping
        from polarkb.caching import events, kept
        from polarkb.caching.search import SearchKeeper
        from search.keeping import keep_with

        checks.register(check_catalogues, checks.Tags.translation)
        events.connect()
        keep_with(SearchKeeper())
        keeping.keep_with(kept)
