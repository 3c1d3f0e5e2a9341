"""Browse pages: /<lang>/topics/<key>/ and /<lang>/regions/<key>/.

A topic's page lists content tagged with the topic or any topic below it.
"""

from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from .base import ListingPage, content_in_locale, paginate
from .taxonomy import Region, Topic


class TaxonomyBrowsePage(RoutablePageMixin, ListingPage):
    """Abstract page listing a taxonomy tree, with one sub-page per item."""

    taxonomy_model = None
    content_field = ""  # "topics" or "regions" on knowledge pages
    subpage_types = []
    item_template = "knowledgebase/taxonomy_item.html"

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        return "knowledgebase/taxonomy_index.html"

    def tree(self):
        """[(item, depth)] of the taxonomy in this page's language, in tree order."""
        return self.taxonomy_model.tree(self.locale)

    @path("")
    def index(self, request):
        return self.render(request, context_overrides={"tree": self.tree()})

    @path("<slug:key>/")
    def item(self, request, key):
        item = self.taxonomy_model.for_key(key, self.locale)
        if item is None:
            raise Http404(f"No {self.taxonomy_model._meta.verbose_name} {key!r}")
        keys = self.taxonomy_model.descendant_keys(key)
        pages = content_in_locale(self.locale, self.content_field, keys)
        children = self.taxonomy_model.children_of(key, self.locale)
        return self.render(
            request,
            template=self.item_template,
            context_overrides={
                "item": item,
                "children": children,
                "items": paginate(request, pages),
                "breadcrumb_trail": self._trail(request, item),
            },
        )

    def item_url(self, key, request=None):
        """The address of an item's page, e.g. /en/topics/sea-ice/."""
        return self.get_url(request) + self.reverse_subpage("item", kwargs={"key": key})

    def _trail(self, request, item):
        """Breadcrumb steps below this page: the item's ancestors, then the item."""
        keys = list(reversed(item.ancestor_keys()))
        labels = self.taxonomy_model.labels(keys, self.locale)
        return [(labels[key], self.item_url(key, request)) for key in keys] + [(item.name, "")]

    def get_sitemap_urls(self, request=None):
        """This page and the page of every item in its language."""
        page_url = self.get_full_url(request)
        item_urls = [
            {"location": page_url + self.reverse_subpage("item", kwargs={"key": item.key})}
            for item, _depth in self.tree()
        ]
        return super().get_sitemap_urls(request) + item_urls

    def get_context(self, request, *args, **kwargs):
        # The routes supply their own listing; skip ListingPage's children query.
        return Page.get_context(self, request, *args, **kwargs)


class TopicIndexPage(TaxonomyBrowsePage):
    taxonomy_model = Topic
    content_field = "topics"

    class Meta:
        verbose_name = _("topic index")


class RegionIndexPage(TaxonomyBrowsePage):
    taxonomy_model = Region
    content_field = "regions"

    class Meta:
        verbose_name = _("region index")
