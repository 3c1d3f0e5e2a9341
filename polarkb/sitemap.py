from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from knowledgebase.visibility import visible


class MultilingualSitemap(Sitemap):
    """The pages readers may see in every language tree of the site.

    Wagtail's own sitemap lists only the tree of the site's root page (one
    language). Untranslated aliases are left out: they repeat their original.
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for home in root.get_translations(inclusive=True):
            trees |= Q(path__startswith=home.path)
        return (
            visible(Page.objects.filter(trees, alias_of__isnull=True))
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
