"""Admin: topics, regions and glossary terms as translatable snippets with search and filters."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledgebase.models import GlossaryTerm, Region, Topic


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "key", "parent", "locale"]
    list_filter = ["parent", "locale"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]


class TopicViewSet(TaxonomyViewSet):
    model = Topic
    icon = "tag"


class RegionViewSet(TaxonomyViewSet):
    model = Region
    icon = "site"


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "openquote"
    list_display = ["label", "key", "locale"]
    list_filter = ["locale"]
    search_fields = ["label", "synonyms", "definition"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (TopicViewSet, RegionViewSet, GlossaryViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = _("Taxonomy")
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)
