"""The sitemap lists every language's public pages and nothing a reader may not see."""

from django.test import TestCase

from wagtail.models import Locale, PageViewRestriction

from tests import factories as f
from tests.conftest import build_tree, translate


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        translate(tree.home, "fr")
        translate(tree.guides, "fr")
        cls.guide = f.GuidePageFactory(parent=tree.guides, slug="sea-ice")
        cls.french = translate(cls.guide, "fr", slug="banquise")
        f.GuidePageFactory(parent=tree.guides, slug="draft", live=False)
        private = f.GuidePageFactory(parent=tree.guides, slug="private")
        PageViewRestriction.objects.create(page=private, restriction_type="login")
        alias = f.GuidePageFactory(parent=tree.guides, slug="aliased")
        alias.copy_for_translation(Locale.objects.get(language_code="fr"), alias=True)
        ice = f.TopicFactory(key="sea-ice", name="Sea ice")
        f.TopicFactory(key="leads", name="Leads", parent=ice)
        f.RegionFactory(key="svalbard", name="Svalbard")

    def test_lists_public_pages_in_every_language_only(self):
        xml = self.client.get("/sitemap.xml").content.decode()
        self.assertIn("/en/guides/sea-ice/</loc>", xml)
        self.assertIn("/fr/guides/banquise/</loc>", xml)
        self.assertIn("/en/guides/aliased/</loc>", xml)
        for hidden in ("/draft/", "/private/", "/fr/guides/aliased/"):
            self.assertNotIn(hidden, xml)

    def test_lists_the_page_of_every_topic_and_region(self):
        xml = self.client.get("/sitemap.xml").content.decode()
        for address in ("/en/topics/", "/en/topics/sea-ice/", "/en/topics/leads/"):
            self.assertIn(f"{address}</loc>", xml)
        self.assertIn("/en/regions/svalbard/</loc>", xml)
        # Each listed address answers.
        self.assertEqual(self.client.get("/en/topics/leads/").status_code, 200)
