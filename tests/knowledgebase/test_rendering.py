"""Every page type renders in two languages with the right lang and hreflang."""

from django.test import TestCase

from tests import factories as f
from tests.conftest import alternates, build_tree, translate

PAGES = [
    "home",
    "guides",
    "lessons",
    "members",
    "outputs",
    "topics",
    "regions",
    "guide",
    "lesson",
    "member",
    "output",
]


class PagesInTwoLanguagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        for page in vars(tree).values():
            translate(page, "fr")
        topic = f.TopicFactory(key="sea-ice", name="Sea ice")
        region = f.RegionFactory(key="svalbard", name="Svalbard")
        member = f.MemberPageFactory(parent=tree.members, slug="arice", topics=[topic])
        cls.pages = {
            "guide": f.GuidePageFactory(parent=tree.guides, topics=[topic], members=[member]),
            "lesson": f.LessonPageFactory(parent=tree.lessons, regions=[region]),
            "member": member,
            "output": f.OutputPageFactory(parent=tree.outputs, members=[member]),
        }
        for page in cls.pages.values():
            translate(page, "fr", title=f"{page.title} (fr)")
        cls.pages.update(vars(tree))
        cls.tree = tree

    def test_page_renders_in_language_with_alternates(self):
        for name in PAGES:
            for language in ("en", "fr"):
                with self.subTest(page=name, language=language):
                    locale = f.LocaleFactory(language_code=language)
                    page = self.pages[name].get_translation(locale)
                    response = self.client.get(page.url)
                    html = response.content.decode()
                    self.assertEqual(response.status_code, 200)
                    self.assertIn(f'<html lang="{language}"', html)
                    links = alternates(html)
                    self.assertEqual(set(links), {"en", "fr", "x-default"})
                    self.assertEqual(links["x-default"], links["en"])
                    self.assertTrue(links[language].endswith(page.url))

    def test_topic_item_page_has_alternates_for_its_own_address(self):
        for language in ("en", "fr"):
            with self.subTest(language=language):
                response = self.client.get(f"/{language}/topics/sea-ice/")
                links = alternates(response.content.decode())
                self.assertEqual(response.status_code, 200)
                self.assertTrue(links["fr"].endswith("/fr/topics/sea-ice/"))
                self.assertTrue(links["en"].endswith("/en/topics/sea-ice/"))

    def test_untranslated_page_has_only_its_own_alternate(self):
        guide = f.GuidePageFactory(parent=self.tree.guides, slug="only-english")
        links = alternates(self.client.get(guide.url).content.decode())
        self.assertEqual(set(links), {"en", "x-default"})
