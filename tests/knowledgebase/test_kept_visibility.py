"""What hides an item is kept between reading requests (the hidden sections of the
tree, the groups hidden in every language, the items withheld for consent), and every
change that hides or shows an item is read at once, in every language: read, change,
read again.

Committed changes, as in production: inside a test's transaction nothing would be
kept at all (polarkb/caching/generation.py). Whole pages are not kept here.
"""

from django.contrib.auth.models import User
from django.test import TransactionTestCase, override_settings

from wagtail.models import Page, PageViewRestriction

from consent.models import (
    CommunityApproval,
    ConsentRequest,
    NotConcerned,
    record_approval,
    record_not_concerned,
)
from polarkb.caching import kept
from tests import factories as f
from tests.conftest import build_tree, translate

TITLES = {"en": "Crossing leads", "fr": "Traverser les chenaux", "kl": "Sikup qupparnerit"}


@override_settings(PAGE_CACHE_SECONDS=0)
class KeptVisibilityCase(TransactionTestCase):
    """An English guide and its French and Kalaallisut translations, all published."""

    def setUp(self):
        self.tree = build_tree()
        for language in ("fr", "kl"):
            for index in (self.tree.home, self.tree.guides):
                translate(index, language)
        self.guide = f.GuidePageFactory(
            parent=self.tree.guides, slug="crossing-leads", title=TITLES["en"]
        )
        self.copies = {"en": self.guide}
        for language in ("fr", "kl"):
            self.copies[language] = translate(self.guide, language, title=TITLES[language])

    def shown(self):
        """{language: (the item's own page served, listed on its language's guides)}."""
        shown = {}
        for language in self.copies:
            page = self.client.get(f"/{language}/guides/crossing-leads/")
            listing = self.client.get(f"/{language}/guides/").content.decode()
            served = page.status_code == 200 and TITLES[language] in page.content.decode()
            shown[language] = (served, TITLES[language] in listing)
        return shown

    def assertShownEverywhere(self, shown=True, reason=""):
        expected = dict.fromkeys(self.copies, (shown, shown))
        self.assertEqual(self.shown(), expected, reason)


class KeptVisibilityTests(KeptVisibilityCase):
    def test_what_hides_items_is_kept_between_requests(self):
        self.assertShownEverywhere()
        for name in ("hidden-groups", "hidden-sections", "withheld-keys"):
            with self.subTest(name):  # else these tests would check nothing kept
                self.assertIsNotNone(kept(name, lambda: None))

    def test_the_source_unpublished_and_published_again(self):
        self.assertShownEverywhere()
        self.guide.unpublish()
        self.assertEqual(self.shown()["fr"], (False, False))
        self.assertEqual(self.shown()["kl"], (False, False))
        self.guide.save_revision().publish()
        self.assertShownEverywhere(reason="published again")

    def test_the_source_restricted_and_the_restriction_removed(self):
        self.assertShownEverywhere()
        restriction = PageViewRestriction.objects.create(
            page=self.guide, restriction_type=PageViewRestriction.LOGIN
        )
        self.assertShownEverywhere(False, "restricted")
        restriction.delete()
        self.assertShownEverywhere(reason="restriction removed")

    def test_the_sources_section_unpublished_and_published_again(self):
        self.assertShownEverywhere()
        self.tree.guides.unpublish()
        shown = self.shown()
        self.assertEqual(shown["fr"], (False, False), "a copy whose source's section is hidden")
        self.assertEqual(shown["kl"], (False, False))
        self.tree.guides.save_revision().publish()
        self.assertShownEverywhere(reason="section published again")

    def test_the_source_moved_into_a_restricted_section_and_back(self):
        private = f.GuideIndexPageFactory(parent=self.tree.home, slug="private", title="Private")
        PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
        self.assertShownEverywhere()
        self.move_guide_under(private)
        self.assertEqual(self.shown()["fr"], (False, False))
        self.move_guide_under(self.tree.guides)
        self.assertShownEverywhere(reason="moved back")

    def move_guide_under(self, parent):
        Page.objects.get(pk=self.guide.pk).move(Page.objects.get(pk=parent.pk), "last-child")

    def test_a_hidden_source_deleted_leaves_its_translations_shown(self):
        self.guide.unpublish()
        self.assertEqual(self.shown()["fr"], (False, False))
        self.guide.delete()
        del self.copies["en"]
        self.assertShownEverywhere(reason="the French copy is now the group's source")

    def test_a_live_page_made_under_an_unpublished_page_without_others_is_hidden(self):
        sea_ice = f.TopicFactory(key="sea-ice", name="Sea-ice operations")
        empty = f.GuideIndexPageFactory(parent=self.tree.home, slug="empty", title="Empty")
        empty.unpublish()
        self.assertShownEverywhere()  # the hidden sections are kept: none so far
        self.assertEqual(self.client.get("/en/topics/sea-ice/").status_code, 200)
        f.GuidePageFactory(
            parent=empty, slug="below", title="Below an unpublished page", topics=[sea_ice]
        )
        self.assertEqual(self.client.get("/en/empty/below/").status_code, 404)
        listing = self.client.get("/en/topics/sea-ice/").content.decode()
        self.assertNotIn("Below an unpublished page", listing)


class KeptConsentTests(KeptVisibilityCase):
    """Consent asked, given, withdrawn and stated not needed, read at once everywhere."""

    def setUp(self):
        self.community = f.CommunityFactory(key="kalaallit", name="Kalaallit hunters")
        self.reviewer = User.objects.create_user("aviaja")
        super().setUp()

    def approved(self):
        """The guide names the community, approved by it, as its review has it."""
        record_approval(self.community, self.guide, self.reviewer)
        self.guide.communities.set([self.community])
        self.guide.save_revision().publish()

    def test_consent_withdrawn_and_given_again(self):
        self.approved()
        self.assertShownEverywhere()
        CommunityApproval.objects.filter(page_translation_key=self.guide.translation_key).delete()
        self.assertShownEverywhere(False, "consent withdrawn")
        record_approval(self.community, self.guide, self.reviewer)
        self.assertShownEverywhere(reason="consent given again")

    def test_consent_asked_of_another_community_then_stated_not_needed(self):
        self.approved()
        self.assertShownEverywhere()
        other = f.CommunityFactory(key="sami", name="Sámi herders")
        ConsentRequest.objects.create(
            community=other, page_translation_key=self.guide.translation_key, page=self.guide
        )
        self.assertShownEverywhere(False, "consent asked of a second community")
        record_not_concerned(other, self.guide, self.reviewer)
        self.assertShownEverywhere(reason="the second community stated it is not concerned")
        NotConcerned.objects.filter(community=other).delete()
        self.assertShownEverywhere(False, "that statement withdrawn")
