"""A reader sees what exists in their language first: home, listings, topic, region
and member pages list the translations before the copies shown in English."""

import datetime
import re

from django.test import TestCase

from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

import pytest

from knowledgebase.models import MemberPage
from tests import factories as f
from tests.conftest import build_tree, translate

KL_SITE_NAME = "Issittumi ilisimasanik katersugaasivik"


def titles_in(html, section_class="cards"):
    return re.findall(r'class="card-title"[^>]*><a [^>]*>([^<]+)</a>', html)


class ReaderLanguageFirstTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        english = Locale.objects.get(language_code="en")
        sea_ice = f.TopicFactory(key="sea-ice", name="Sea ice")
        member = f.MemberPageFactory(parent=tree.members, slug="arice", title="ARICE")
        guides = [
            f.GuidePageFactory(
                parent=tree.guides,
                slug=slug,
                title=title,
                topics=[sea_ice],
                members=[member],
                published=datetime.date(2020 + number, 1, 1),
            )
            for number, (slug, title) in enumerate(
                [("alpha", "Alpha guide"), ("beta", "Beta guide"), ("gamma", "Gamma guide")]
            )
        ]
        lessons = [
            f.LessonPageFactory(parent=tree.lessons, slug=slug, title=title, published=day)
            for slug, title, day in [
                ("newer", "Newer lesson", datetime.date(2025, 1, 1)),
                ("older", "Older lesson", datetime.date(2019, 1, 1)),
            ]
        ]
        tree.home.featured_guides.set(guides)
        tree.home.save_revision().publish()
        translate(tree.home, "kl", title=KL_SITE_NAME)
        for page in (tree.guides, tree.lessons, tree.topics):
            translate(page, "kl")
        translate(guides[0], "kl", title="Alpha kl")  # the oldest guide, first by title
        translate(guides[2], "kl", title="Gamma kl")
        translate(lessons[1], "kl", title="Older lesson kl")
        for code in ("fi", "fr"):
            for page in (tree.home, tree.guides):
                translate(page, code)
            translate(guides[1], code)
        LocaleSynchronization.objects.update_or_create(
            locale=Locale.objects.get(language_code="kl"), defaults={"sync_from": english}
        )
        for synchronization in LocaleSynchronization.objects.all():
            synchronization.sync_trees()

    def get(self, path):
        response = self.client.get(path)
        self.assertEqual(response.status_code, 200, path)
        return response.content.decode()

    def test_guide_listing_lists_the_translations_first(self):
        self.assertEqual(titles_in(self.get("/kl/guides/")), ["Alpha kl", "Gamma kl", "Beta guide"])
        self.assertEqual(
            titles_in(self.get("/en/guides/")), ["Alpha guide", "Beta guide", "Gamma guide"]
        )

    def test_home_lists_the_translations_first(self):
        html = self.get("/kl/")
        self.assertEqual(
            titles_in(html),
            ["Alpha kl", "Gamma kl", "Beta guide", "Older lesson kl", "Newer lesson"],
        )

    def test_topic_page_lists_the_translations_first(self):
        self.assertEqual(
            titles_in(self.get("/kl/topics/sea-ice/")), ["Gamma kl", "Alpha kl", "Beta guide"]
        )

    def test_home_says_how_much_exists_in_its_language_and_links_the_rest(self):
        html = self.get("/kl/")
        self.assertIn(
            '<p class="notice language-share" lang="en">3 of 5 guides, lessons and outputs are '
            "in Kalaallisut; the others are shown in the language they were written in. "
            '<a href="/kl/search/">',
            html,
        )
        self.assertNotIn("language-share", self.get("/en/"))

    def test_read_it_in_lists_the_languages_by_their_own_names(self):
        html = self.get("/kl/guides/beta/")
        versions = re.search(r"Read it in:</span>(.*?)</p>", html, re.S).group(1)
        self.assertEqual(re.findall(r">([^<]+)</a>", versions), ["English", "Français", "Suomi"])

    def test_wordmark_names_the_site_as_the_breadcrumbs_do(self):
        html = self.get("/kl/guides/")
        self.assertIn(f'<span class="brand-name">{KL_SITE_NAME}</span>', html)
        self.assertRegex(
            html,
            rf'<nav class="breadcrumbs[^"]*"[^>]*>\s*<ol>\s*<li><a href="/kl/">{KL_SITE_NAME}</a>',
        )


@pytest.mark.django_db
def test_a_bracketed_acronym_is_not_nested_in_round_brackets():
    member = MemberPage(title="Svalbard Field Safety Network", acronym="SFSN (demo)")
    assert member.display_name == "Svalbard Field Safety Network (SFSN [demo])"
    assert MemberPage(title="INTERACT network", acronym="").display_name == "INTERACT network"
