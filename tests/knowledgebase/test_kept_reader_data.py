"""What pages share and keep until content changes — listings of a language, its
main menu, topics and regions, a page's language versions and breadcrumbs —
follows every change at once.

Committed changes, as in production: inside a test's transaction nothing would
be kept at all (polarkb/caching/generation.py). Whole pages are not kept here, so each
read is rendered and shows what was kept for it.
"""

import re

from django.contrib.auth.models import User
from django.test import TransactionTestCase, override_settings

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale, PageViewRestriction, Site

from consent.models import CommunityApproval, record_approval
from localization.models import ProvenanceMethod
from localization.provenance import record_provenance
from polarkb.caching import kept
from tests import factories as f
from tests.conftest import alternates, build_tree, translate
from tests.localization.helpers import localize, translated


@override_settings(PAGE_CACHE_SECONDS=0)
class KeptReaderDataTests(TransactionTestCase):
    def setUp(self):
        self.tree = build_tree()
        self.sea_ice = f.TopicFactory(key="sea-ice", name="Sea-ice operations")
        self.arctic = f.RegionFactory(key="arctic", name="Arctic")
        self.guide = f.GuidePageFactory(
            parent=self.tree.guides,
            slug="crossing-leads",
            title="Crossing leads",
            summary="Test the ice first.",
            topics=[self.sea_ice],
            regions=[self.arctic],
        )

    def html(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content.decode()

    def menu(self, url):
        """The main menu's links: [(address, label)]."""
        nav = re.search(r'<nav class="main-nav".*?</nav>', self.html(url), re.S).group(0)
        return re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav)

    def test_values_are_kept_between_requests(self):
        computed = []
        for _request in range(2):
            kept("probe", lambda: computed.append(1) or "value")
        self.assertEqual(computed, [1])  # else these tests would check nothing kept

    def test_a_site_changed_is_found_at_once(self):
        self.html(self.guide.url)
        site = Site.objects.get()
        site.hostname, site.is_default_site = "elsewhere.example", False
        site.save()
        self.assertEqual(self.client.get(self.guide.url).status_code, 404)

    def test_an_editors_pick_added_or_removed_shows_at_once(self):
        def first_pick():
            response = self.client.get("/api/search/", {"q": "sledge", "lang": "en"})
            picks = [r["title"] for r in response.json()["results"] if r.get("editors_pick")]
            return picks[:1]

        self.guide.save_revision().publish()  # indexed, as a publish does
        self.assertEqual(first_pick(), [])
        promotion = SearchPromotion.objects.create(
            query=Query.get("sledge"), page=self.guide, sort_order=0
        )
        self.assertEqual(first_pick(), ["Crossing leads"])
        promotion.delete()
        self.assertEqual(first_pick(), [])

    def test_a_page_published_shows_in_every_listing_at_once(self):
        listings = ("/en/topics/sea-ice/", "/en/regions/arctic/", "/en/guides/")
        for url in listings:
            self.assertIn("Crossing leads", self.html(url))
        f.GuidePageFactory(
            parent=self.tree.guides,
            title="Reading ice charts",
            topics=[self.sea_ice],
            regions=[self.arctic],
        )
        for url in listings:
            self.assertIn("Reading ice charts", self.html(url), url)

    def test_hidden_pages_leave_listings_at_once(self):
        community = f.CommunityFactory(key="sami", name="Sámi reindeer herders")
        reviewer = User.objects.create_user("ante")
        hides = {
            "unpublished": lambda page: page.unpublish(),
            "password": lambda page: PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
            ),
            "login": lambda page: PageViewRestriction.objects.create(
                page=page, restriction_type=PageViewRestriction.LOGIN
            ),
            "consent withdrawn": lambda page: CommunityApproval.objects.filter(
                page_translation_key=page.translation_key
            ).delete(),
        }
        for number, (case, hide) in enumerate(hides.items()):
            with self.subTest(case=case):
                page = f.GuidePageFactory(
                    parent=self.tree.guides,
                    slug=f"hidden-{number}",
                    title=f"Kept advice {number}",
                    topics=[self.sea_ice],
                    regions=[self.arctic],
                    communities=[community],
                )
                record_approval(community, page, reviewer)
                for url in ("/en/topics/sea-ice/", "/en/regions/arctic/"):
                    self.assertIn(page.title, self.html(url), url)
                hide(page)
                for url in ("/en/topics/sea-ice/", "/en/regions/arctic/"):
                    self.assertNotIn(page.title, self.html(url), url)

    def test_a_member_page_lists_content_published_for_it_at_once(self):
        member = f.MemberPageFactory(parent=self.tree.members, title="ARICE", acronym="ARICE")
        self.assertNotIn("Icebreaker time", self.html(member.url))
        f.LessonPageFactory(parent=self.tree.lessons, title="Icebreaker time", members=[member])
        self.assertIn("Icebreaker time", self.html(member.url))

    def test_a_renamed_topic_shows_on_every_page_at_once(self):
        self.assertIn("Sea-ice operations", self.html("/en/topics/"))
        self.assertIn("Sea-ice operations", self.html(self.guide.url))
        self.sea_ice.name = "Sea-ice travel"
        self.sea_ice.save()
        for url in ("/en/topics/", "/en/topics/sea-ice/", self.guide.url):
            html = self.html(url)
            self.assertIn("Sea-ice travel", html, url)
            self.assertNotIn("Sea-ice operations", html, url)

    def test_a_new_narrower_topic_lists_its_content_under_the_broader_one(self):
        self.html("/en/topics/sea-ice/")
        leads = f.TopicFactory(key="leads", name="Leads", parent=self.sea_ice)
        f.GuidePageFactory(parent=self.tree.guides, title="Jumping leads", topics=[leads])
        html = self.html("/en/topics/sea-ice/")
        self.assertIn("Jumping leads", html)
        self.assertIn('href="/en/topics/leads/"', html)

    def test_the_main_menu_follows_a_renamed_unpublished_or_restricted_section(self):
        self.assertIn(("/en/guides/", "Guides"), self.menu("/en/"))
        self.tree.guides.title = "Field guides"
        self.tree.guides.save_revision().publish()
        self.assertIn(("/en/guides/", "Field guides"), self.menu("/en/lessons/"))
        PageViewRestriction.objects.create(
            page=self.tree.guides, restriction_type=PageViewRestriction.LOGIN
        )
        menu = self.menu("/en/lessons/")
        self.assertNotIn("/en/guides/", dict(menu))
        self.assertIn(("/en/lessons/", "Lessons learned"), menu)
        self.tree.lessons.unpublish()
        self.assertNotIn("/en/lessons/", dict(self.menu("/en/topics/")))

    def test_language_links_follow_a_translation_published_and_unpublished(self):
        self.assertNotIn("fr", alternates(self.html(self.guide.url)))
        for index in (self.tree.home, self.tree.guides):
            translate(index, "fr")
        translated = translate(self.guide, "fr", title="Traverser les chenaux")
        links = alternates(self.html(self.guide.url))
        self.assertEqual(links["fr"], "http://testserver/fr/guides/crossing-leads/")
        translated.unpublish()
        self.assertNotIn("fr", alternates(self.html(self.guide.url)))

    def test_a_search_result_links_its_readers_copy_only_while_it_is_visible(self):
        def result_link():
            html = self.html("/fr/search/?q=crossing+leads")
            return re.search(r'<li class="result" lang="en">.*?<a href="([^"]+)"', html, re.S)[1]

        self.guide.save_revision().publish()  # indexed, as a publish does
        self.assertEqual(result_link(), "/en/guides/crossing-leads/")
        for index in (self.tree.home, self.tree.guides):
            translate(index, "fr")
        french = Locale.objects.get(language_code="fr")
        alias = self.guide.copy_for_translation(french, alias=True)
        self.assertEqual(result_link(), "/fr/guides/crossing-leads/")
        alias.unpublish()
        self.assertEqual(result_link(), "/en/guides/crossing-leads/")

    def test_breadcrumbs_follow_a_renamed_section(self):
        self.assertIn(">Guides</a>", self.html(self.guide.url))
        self.tree.guides.title = "Field guides"
        self.tree.guides.save_revision().publish()
        other = f.GuidePageFactory(parent=self.tree.guides, title="Another guide")
        for url in (self.guide.url, other.url):
            html = self.html(url)
            self.assertIn('<li><a href="/en/guides/">Field guides</a></li>', html, url)

    def test_topic_links_follow_a_moved_browse_page(self):
        self.assertIn('href="/en/topics/sea-ice/"', self.html(self.guide.url))
        self.tree.topics.slug = "themes"
        self.tree.topics.save_revision().publish()
        html = self.html(self.guide.url)
        self.assertIn('href="/en/themes/sea-ice/"', html)
        self.assertNotIn('href="/en/topics/sea-ice/"', html)

    def test_a_translation_badge_follows_the_recorded_provenance(self):
        for page in (self.tree.home, self.tree.guides):
            localize(page, "kl")
        kalaallisut = localize(self.guide, "kl")
        url = translated(kalaallisut).url
        self.assertNotIn('class="provenance', self.html(url))
        record_provenance(translated(kalaallisut), ProvenanceMethod.HUMAN, "Aviaja Lynge")
        self.assertIn("Translated by Aviaja Lynge", self.html(url))
        record_provenance(translated(kalaallisut), ProvenanceMethod.COMMUNITY_REVIEWED)
        html = self.html(url)
        self.assertIn("Translation reviewed by the community", html)
        self.assertNotIn("Aviaja Lynge", html)
