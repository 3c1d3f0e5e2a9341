"""One visibility rule for a translation group: what hides its source (the copy the
item was first written in) hides every real translation, at its address, in
listings and in the sitemap; a restriction on a translation alone hides that
copy only. (Search, facets and every language: tests/search/test_leaks*.py.)"""

from django.test import TestCase
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, PageViewRestriction

from tests import factories as f
from tests.conftest import build_tree, translate

LANGUAGES = ("en", "fr", "nb")


class TranslationGroupTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        for page in vars(cls.tree).values():
            for code in LANGUAGES[1:]:
                translate(page, code)
        cls.guide = f.GuidePageFactory(
            parent=cls.tree.guides,
            slug="sea-ice-travel",
            title="Travelling safely on sea ice",
            summary="Drill the ice before you cross it.",
        )
        for code in LANGUAGES[1:]:
            translate(cls.guide, code, title=f"Sea ice ({code})")

    def address(self, language):
        return f"/{language}/guides/sea-ice-travel/"

    def assert_hidden(self, language, status):
        response = self.client.get(self.address(language))
        self.assertEqual(response.status_code, status, language)
        self.assertNotIn("Drill the ice", response.content.decode(), language)
        self.assertNotContains(self.client.get(f"/{language}/guides/"), "sea-ice-travel")
        self.assertNotContains(self.client.get("/sitemap.xml"), self.address(language))

    def assert_shown(self, language):
        self.assertContains(self.client.get(self.address(language)), "Drill the ice")
        self.assertContains(self.client.get(f"/{language}/guides/"), self.address(language))
        self.assertContains(self.client.get("/sitemap.xml"), self.address(language))

    def test_a_restriction_on_the_source_hides_every_translation(self):
        PageViewRestriction.objects.create(
            page=self.guide, restriction_type=PageViewRestriction.LOGIN
        )
        for language in LANGUAGES:
            self.assert_hidden(language, 302)  # to the login page

    def test_a_restricted_section_of_the_source_hides_every_translation(self):
        PageViewRestriction.objects.create(
            page=self.tree.guides, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
        for language in LANGUAGES[1:]:  # their own guides sections are not restricted
            self.assert_hidden(language, 200)  # a password form
            self.assertContains(self.client.get(self.address(language)), 'name="password"')

    def test_the_sources_password_opens_every_translation(self):
        restriction = PageViewRestriction.objects.create(
            page=self.guide, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
        )
        french = self.guide.get_translation(Locale.objects.get(language_code="fr"))
        with translation.override("fr"):
            form = reverse(
                "wagtailcore_authenticate_with_password", args=[restriction.pk, french.pk]
            )
        self.assertContains(self.client.get(self.address("fr")), f'action="{form}"')
        response = self.client.post(form, {"password": "s3cret", "return_url": self.address("fr")})
        self.assertRedirects(response, self.address("fr"))
        for language in LANGUAGES:
            self.assertContains(self.client.get(self.address(language)), "Drill the ice")

    def test_an_unpublished_source_hides_every_translation(self):
        self.guide.unpublish()
        for language in LANGUAGES:
            self.assert_hidden(language, 404)

    def test_a_restriction_on_a_translation_hides_that_copy_only(self):
        french = self.guide.get_translation(Locale.objects.get(language_code="fr"))
        PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
        self.assert_hidden("fr", 302)
        self.assert_shown("en")
        self.assert_shown("nb")

    def test_an_unpublished_translation_hides_that_copy_only(self):
        self.guide.get_translation(Locale.objects.get(language_code="nb")).unpublish()
        self.assert_hidden("nb", 404)
        self.assert_shown("en")
        self.assert_shown("fr")

    def test_the_source_is_the_copy_first_written_whatever_its_language(self):
        """A guide written in French and translated into English: the French copy is the
        source, even though English is the site's default language."""
        french_guides = self.tree.guides.get_translation(Locale.objects.get(language_code="fr"))
        french = f.GuidePageFactory(
            parent=french_guides,
            locale=Locale.objects.get(language_code="fr"),
            slug="banquise",
            title="La banquise",
            summary="Percez la glace.",
        )
        translate(french, "en", title="Sea ice, from French")
        self.assertContains(self.client.get("/en/guides/banquise/"), "Percez la glace")
        PageViewRestriction.objects.create(page=french, restriction_type=PageViewRestriction.LOGIN)
        self.assertEqual(self.client.get("/en/guides/banquise/").status_code, 302)
        self.assertNotContains(self.client.get("/en/guides/"), "banquise")
