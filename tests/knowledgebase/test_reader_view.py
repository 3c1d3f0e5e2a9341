"""What a reader gets in the HTML: the head holds only head things, headings have
anchors and a table of contents, notices sit inside the main landmark, headings
never skip a level, English interface text on Kalaallisut and Inuktitut pages
says it is English, and dates follow the reader's language."""

import datetime
import re

from django.test import RequestFactory, TestCase, override_settings
from django.utils import translation

from wagtail.models import Locale
from wagtail_localize.models import LocaleSynchronization

from polarkb.views import server_error
from tests import factories as f
from tests.conftest import build_tree, translate

TWO_SECTIONS = [
    ("heading", {"text": "Before you go on the ice", "level": "h2", "anchor": ""}),
    ("paragraph", "<p>Check the ice.</p>"),
    ("heading", {"text": "Turning back", "level": "h2", "anchor": "turn-back"}),
    (
        "callout",
        {"kind": "warning", "title": "Thin ice", "text": "<p>Turn back when it cracks.</p>"},
    ),
]


def head_of(html):
    return html.split("</head>", 1)[0]


def main_of(html):
    return re.search(r"<main\b.*?</main>", html, re.S).group(0)


def heading_levels(html):
    return [int(level) for level in re.findall(r"<h([1-6])\b", html)]


class ReaderViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        english = Locale.objects.get(language_code="en")
        for code in ("fr", "kl", "iu", "se"):
            LocaleSynchronization.objects.update_or_create(
                locale=f.LocaleFactory(language_code=code), defaults={"sync_from": english}
            )
        cls.member = f.MemberPageFactory(parent=cls.tree.members, slug="arice")
        cls.related = f.GuidePageFactory(parent=cls.tree.guides, slug="glacier-travel")
        cls.guide = f.GuidePageFactory(
            parent=cls.tree.guides,
            slug="sea-ice",
            title="Sea-ice travel",
            summary="How to travel on sea ice.",
            body=TWO_SECTIONS,
            members=[cls.member],
            last_reviewed=datetime.date(2024, 1, 20),
            doi="10.5072/polarkb.guide",
        )
        cls.guide.related_guides.add(cls.related)
        cls.guide.save_revision().publish()
        f.LessonPageFactory(parent=cls.tree.lessons)
        for synchronization in LocaleSynchronization.objects.all():
            synchronization.sync_trees()

    def get(self, path, **headers):
        response = self.client.get(path, **headers)
        self.assertEqual(response.status_code, 200, path)
        return response.content.decode()

    def test_guide_details_are_in_the_article_not_in_the_head(self):
        html = self.get("/en/guides/sea-ice/")
        head = head_of(html)
        self.assertNotIn("<dl", head)
        self.assertNotIn("Related guides", head)
        self.assertIn('<meta name="description" content="How to travel on sea ice.">', head)
        self.assertIn('rel="alternate" hreflang="en"', head)
        self.assertIn("<style>", head)
        self.assertEqual(html.count('id="related-heading"'), 1)
        article = re.search(r"<article\b.*?</article>", html, re.S).group(0)
        self.assertIn("10.5072/polarkb.guide", article)

    def test_headings_have_anchors_listed_in_the_table_of_contents(self):
        html = self.get("/en/guides/sea-ice/")
        self.assertIn('<h2 id="before-you-go-on-the-ice">Before you go on the ice</h2>', html)
        self.assertIn('<h2 id="turn-back">Turning back</h2>', html)
        self.assertNotIn('id=""', html)
        toc = re.search(r'<nav class="toc".*?</nav>', html, re.S).group(0)
        self.assertIn('href="#before-you-go-on-the-ice"', toc)
        self.assertIn('href="#turn-back"', toc)

    def test_a_static_warning_is_a_note_not_an_alert(self):
        html = self.get("/en/guides/sea-ice/")
        self.assertNotIn('role="alert"', main_of(html))
        self.assertIn('class="callout callout-warning" role="note"', html)

    def test_headings_never_skip_a_level(self):
        for path in (
            "/en/",
            "/en/guides/",
            "/en/lessons/",
            "/en/members/arice/",
            "/en/guides/sea-ice/",
            "/kl/guides/sea-ice/",
        ):
            with self.subTest(path=path):
                levels = heading_levels(main_of(self.get(path)))
                self.assertEqual(levels[0], 1)
                for before, after in zip(levels, levels[1:], strict=False):
                    self.assertLessEqual(after, before + 1, f"h{before} then h{after}")

    def test_untranslated_notice_and_provenance_are_inside_main(self):
        html = self.get("/kl/guides/sea-ice/")
        self.assertIn('<aside class="notice"', main_of(html))
        before_main = html.split("<main", 1)[0]
        self.assertNotIn('class="notice"', before_main)

    def test_nothing_but_the_skip_link_comes_before_the_header(self):
        for path in ("/en/guides/sea-ice/", "/kl/guides/sea-ice/", "/en/"):
            with self.subTest(path=path):
                body = self.get(path).split("<body>", 1)[1]
                before_header = body.split('<header class="site-header">', 1)[0].strip()
                self.assertRegex(before_header, r'^<a class="skip-link" href="#main">.*</a>$')

    def test_home_has_one_search_form_and_its_title_once(self):
        html = self.get("/en/")
        self.assertEqual(html.count('role="search"'), 1)
        title = re.search(r"<title>(.*?)</title>", html).group(1)
        self.assertEqual(title.count(self.tree.home.title), 1, title)

    def test_search_page_has_one_search_box_and_filters_in_one_disclosure(self):
        html = self.get("/en/search/?q=ice&type=guide&type=lesson")
        self.assertEqual(html.count('type="search"'), 1)
        self.assertEqual(html.count("<details"), 2)  # the language selector and the filters
        summary = re.search(r'<details class="filters">\s*<summary>(.*?)</summary>', html, re.S)
        self.assertEqual(summary.group(1), "Filters (2)")

    def test_counted_messages_are_marked_only_where_untranslated(self):
        french = self.get("/fr/search/?q=sea-ice")
        self.assertRegex(french, r'<h2 id="results-heading">\d+ résultats?</h2>')
        kalaallisut = self.get("/kl/search/?q=sea-ice")
        self.assertRegex(kalaallisut, r'<h2 id="results-heading" lang="en">\d+ results?</h2>')

    def test_english_interface_text_on_kalaallisut_pages_is_marked_english(self):
        html = self.get("/kl/guides/sea-ice/")
        self.assertIn('<html lang="kl"', html)
        self.assertIn('<span lang="en">Skip to main content</span>', html)
        self.assertIn('<span lang="en">Last reviewed</span>', html)
        # Translated interface text is not marked, even inside English content.
        with translation.override("kl"):
            search_kl = translation.gettext("Search")
        self.assertNotEqual(search_kl, "Search")
        self.assertNotIn(f'<span lang="en">{search_kl}</span>', html)
        notice = re.search(r'<aside class="notice".*?</aside>', html, re.S).group(0)
        self.assertRegex(notice, r'<p lang="en">This page is not yet available in Kalaallisut')
        self.assertIn('<h1 lang="en">Sea-ice travel</h1>', html)

    def test_fallback_notice_is_in_the_readers_language_where_translated(self):
        html = self.get("/fr/guides/sea-ice/")
        notice = re.search(r'<aside class="notice".*?</aside>', html, re.S).group(0)
        self.assertIn("Cette page n'est pas encore disponible en", notice)
        self.assertNotIn('lang="en"', notice.split("</p>", 1)[0])
        self.assertNotIn('<span lang="en">', main_of(self.get("/en/guides/sea-ice/")))

    def test_language_names_are_in_the_language_of_the_notice_around_them(self):
        """An English notice names the languages in English, a French one in French: no
        word of another language inside the sentence (WCAG 3.1.2)."""
        notice = re.search(
            r'<aside class="notice".*?</aside>', self.get("/iu/guides/sea-ice/"), re.S
        ).group(0)
        self.assertIn("not yet available in Inuktitut. It is shown in English,", notice)
        self.assertNotIn("ᐃᓄᒃᑎᑐᑦ.", notice.split("</p>", 1)[0])
        french = self.get("/fr/guides/sea-ice/")
        self.assertIn("Elle est affichée en anglais", french)

    def test_language_selector_is_in_the_header_labelled_with_current_language(self):
        html = self.get("/kl/guides/sea-ice/")
        header = re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)
        selector = re.search(r'<nav class="languages" aria-label="[^"]+">.*?</nav>', header, re.S)
        self.assertIsNotNone(selector)
        self.assertIn("<summary>", selector.group(0))
        self.assertRegex(selector.group(0), r'hreflang="kl" aria-current="true">Kalaallisut</a>')
        self.assertIn('hreflang="fr">Français</a>', selector.group(0))
        self.assertIn('href="/iu/guides/sea-ice/"', selector.group(0))

    @override_settings(ALLOWED_HOSTS=["kb.example.org"])
    def test_hreflang_links_use_the_host_the_reader_asked_for(self):
        html = self.get("/en/guides/sea-ice/", HTTP_HOST="kb.example.org")
        links = re.findall(r'<link rel="alternate" hreflang="[\w-]+" href="([^"]+)"', html)
        self.assertTrue(links)
        for link in links:
            self.assertTrue(link.startswith("http://kb.example.org/"), link)

    def test_favicon(self):
        response = self.client.get("/favicon.ico")
        self.assertEqual(response.status_code, 301)
        icon = self.client.get(response["Location"])
        self.assertEqual(icon.status_code, 200)
        self.assertIn("svg", icon["Content-Type"])
        self.assertIn('<link rel="icon"', head_of(self.get("/en/")))

    def test_dates_follow_the_readers_language(self):
        for language, date in (
            ("en", "20 January 2024"),
            ("kl", "20.01.2024"),
            ("se", "20.01.2024"),
            ("iu", "2024-01-20"),
        ):
            with self.subTest(language=language):
                html = self.get(f"/{language}/guides/sea-ice/")
                self.assertIn(f'<time datetime="2024-01-20">{date}</time>', html)

    def test_search_result_in_another_language_links_the_readers_copy(self):
        html = self.get("/kl/search/?q=sea-ice")
        self.assertIn('href="/kl/guides/sea-ice/"', html)
        self.assertNotIn('href="/en/guides/sea-ice/">Sea-ice travel', html)


class ErrorPagesTests(TestCase):
    def test_server_error_page_is_in_the_readers_language(self):
        request = RequestFactory().get("/kl/guides/")
        with translation.override("kl"):
            response = server_error(request)
        html = response.content.decode()
        self.assertEqual(response.status_code, 500)
        self.assertIn('<html lang="kl">', html)
        self.assertIn('<span lang="en">Something went wrong</span>', html)
        self.assertIn('href="/kl/"', html)

    def test_page_not_found_is_the_sites_own_in_the_readers_language(self):
        translate(build_tree().home, "fr")
        response = self.client.get("/fr/no-such-page/")
        self.assertEqual(response.status_code, 404)
        html = response.content.decode()
        self.assertIn('<html lang="fr"', html)
        self.assertIn('<header class="site-header">', html)
