"""The permission matrix, tried through Wagtail's admin views: an author of member A
is refused on member B's guide, cannot publish without review; an editor can do all;
a translator translates but never edits the source."""

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

from knowledgebase.models import GuidePage, Topic
from tests import factories as f
from tests.localization.helpers import localize

from .helpers import ClusterTestCase, guide_form


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


class PermissionTestCase(ClusterTestCase):
    def live_title(self, page):
        return Page.objects.get(pk=page.pk).specific.title

    def assert_refused(self, method, url, data=None):
        """Wagtail answers 403 to a script, and sends a browser to the dashboard with a message."""
        send = getattr(self.client, method)
        response = send(url, data or {}, headers={"x-requested-with": "XMLHttpRequest"})
        self.assertEqual(response.status_code, 403, f"{method.upper()} {url}")
        response = send(url, data or {}, follow=True)
        self.assertEqual(response.redirect_chain, [("/admin/", 302)], f"{method.upper()} {url}")
        self.assertContains(response, "you do not have permission")


class AuthorOnAnotherMembersGuideTests(PermissionTestCase):
    def setUp(self):
        self.client.force_login(self.cluster.author)
        self.guide = self.cluster.guide_b

    def test_every_page_action_is_refused(self):
        guide = self.guide
        actions = [
            ("get", edit_url(guide), None),
            (
                "post",
                edit_url(guide),
                guide_form(guide, title="Taken over", **{"action-publish": "1"}),
            ),
            ("get", f"/admin/pages/{guide.pk}/unpublish/", None),
            ("post", f"/admin/pages/{guide.pk}/unpublish/", None),
            ("get", f"/admin/pages/{guide.pk}/delete/", None),
            ("post", f"/admin/pages/{guide.pk}/delete/", None),
            ("get", f"/admin/pages/{guide.pk}/move/", None),
            ("get", f"/admin/pages/{guide.pk}/copy/", None),
            ("post", f"/admin/pages/{guide.pk}/lock/", None),
            ("get", f"/admin/pages/{guide.pk}/history/", None),
        ]
        for method, url, data in actions:
            with self.subTest(method=method, url=url):
                self.assert_refused(method, url, data)
        guide = GuidePage.objects.get(pk=guide.pk)
        self.assertEqual((guide.title, guide.live, guide.locked), ("Guide of B", True, False))

    def test_page_explorer_offers_actions_on_own_guide_only(self):
        response = self.client.get(f"/admin/pages/{self.cluster.tree.guides.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, f'href="{edit_url(self.cluster.guide_a)}"')
        self.assertNotContains(response, f'href="{edit_url(self.guide)}"')
        self.assertNotContains(response, f'href="/admin/pages/{self.guide.pk}/delete/')

    def test_explorer_bulk_actions_leave_the_guide_alone(self):
        for action in ("delete", "unpublish", "publish"):
            with self.subTest(action=action):
                url = f"/admin/bulk/wagtailcore/page/{action}/?id={self.guide.pk}"
                response = self.client.get(url)
                self.assertContains(response, "You don't have permission")
                self.client.post(url)
        guide = GuidePage.objects.get(pk=self.guide.pk)
        self.assertTrue(guide.live)

    def test_author_cannot_add_pages_outside_member_content(self):
        tree = self.cluster.tree
        self.assert_refused("get", f"/admin/pages/add/knowledgebase/memberpage/{tree.members.pk}/")
        self.assert_refused("get", f"/admin/pages/add/knowledgebase/guideindexpage/{tree.home.pk}/")


class AuthorOnOwnGuideTests(PermissionTestCase):
    def setUp(self):
        self.client.force_login(self.cluster.author)
        self.guide = self.cluster.guide_a

    def test_author_edits_but_the_publish_action_is_absent(self):
        response = self.client.get(edit_url(self.guide))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, 'name="action-publish"')
        self.assertContains(response, 'name="action-submit"')

    def test_publishing_directly_only_saves_a_draft(self):
        data = guide_form(self.guide, title="Guide of A, revised", **{"action-publish": "1"})
        response = self.client.post(edit_url(self.guide), data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.live_title(self.guide), "Guide of A")
        latest = GuidePage.objects.get(pk=self.guide.pk).get_latest_revision_as_object()
        self.assertEqual(latest.title, "Guide of A, revised")

    def test_own_live_guide_is_not_unpublished_moved_or_deleted_by_its_author(self):
        guide = self.guide
        for method, url in [
            ("post", f"/admin/pages/{guide.pk}/unpublish/"),
            ("get", f"/admin/pages/{guide.pk}/move/"),
            ("post", f"/admin/pages/{guide.pk}/delete/"),
        ]:
            with self.subTest(method=method, url=url):
                self.assert_refused(method, url)
        self.assertTrue(Page.objects.get(pk=guide.pk).live)

    def test_author_deletes_own_draft(self):
        draft = f.GuidePageFactory(
            parent=self.cluster.tree.guides, live=False, members=[self.cluster.member_a]
        )
        self.client.post(f"/admin/pages/{draft.pk}/delete/")
        self.assertFalse(Page.objects.filter(pk=draft.pk).exists())

    def test_author_creates_a_draft_guide_for_their_member(self):
        tree = self.cluster.tree
        url = f"/admin/pages/add/knowledgebase/guidepage/{tree.guides.pk}/"
        template = GuidePage(title="Winter fuel", slug="winter-fuel", summary="Keep fuel warm.")
        template.published = template.last_reviewed = self.guide.published
        data = guide_form(template, members=[self.cluster.member_a], **{"action-publish": "1"})
        data["review_interval_months"] = "24"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        guide = GuidePage.objects.get(slug="winter-fuel")
        self.assertFalse(guide.live)
        self.assertEqual(self.client.get(edit_url(guide)).status_code, 200)

    def test_a_guide_for_another_member_only_is_refused(self):
        tree = self.cluster.tree
        url = f"/admin/pages/add/knowledgebase/guidepage/{tree.guides.pk}/"
        response = self.client.get(url)
        self.assertNotContains(response, f'value="{self.cluster.member_b.pk}"')
        template = GuidePage(title="Not mine", slug="not-mine", summary="Someone else's.")
        template.published = template.last_reviewed = self.guide.published
        data = guide_form(template, members=[self.cluster.member_b])
        data["review_interval_months"] = "24"
        response = self.client.post(url, data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(GuidePage.objects.filter(slug="not-mine").exists())


class EditorTests(PermissionTestCase):
    def setUp(self):
        self.client.force_login(self.cluster.editor)
        self.guide = self.cluster.guide_b

    def test_editor_publishes_any_guide(self):
        data = guide_form(self.guide, title="Guide of B, edited", **{"action-publish": "1"})
        response = self.client.post(edit_url(self.guide), data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.live_title(self.guide), "Guide of B, edited")

    def test_editor_moves_unpublishes_and_deletes_any_guide(self):
        guide = self.guide
        for url in (f"/admin/pages/{guide.pk}/move/", f"/admin/pages/{guide.pk}/copy/"):
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, 200)
        self.client.post(f"/admin/pages/{guide.pk}/unpublish/")
        self.assertFalse(Page.objects.get(pk=guide.pk).live)
        self.client.post(f"/admin/pages/{guide.pk}/delete/")
        self.assertFalse(Page.objects.filter(pk=guide.pk).exists())


class TranslatorTests(PermissionTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        for page in (cls.cluster.tree.home, cls.cluster.tree.guides):
            localize(page, "fr")

    def setUp(self):
        self.client.force_login(self.cluster.translator)
        self.guide = self.cluster.guide_a

    def test_translator_cannot_edit_the_source(self):
        self.assert_refused("get", edit_url(self.guide))
        data = guide_form(self.guide, title="Changed by a translator")
        self.assert_refused("post", edit_url(self.guide), data)
        self.assertEqual(self.live_title(self.guide), "Guide of A")

    def test_translator_translates_the_guide(self):
        french = Locale.objects.get(language_code="fr")
        response = self.client.post(
            f"/admin/localize/submit/page/{self.guide.pk}/", {"locales": [french.pk]}
        )
        self.assertEqual(response.status_code, 302)
        translated = GuidePage.objects.get(
            translation_key=self.guide.translation_key, locale=french
        )
        self.assertEqual(self.client.get(edit_url(translated)).status_code, 200)

        translation = Translation.objects.get(
            target_locale=french, source__object_id=self.guide.translation_key
        )
        title = StringSegment.objects.get(source=translation.source, string__data="Guide of A")
        url = f"/admin/localize/translate/{translation.pk}/strings/{title.pk}/edit/"
        response = self.client.put(
            url, "value=Guide+de+A", content_type="application/x-www-form-urlencoded"
        )
        self.assertIn(response.status_code, (200, 201))
        translation.save_target(user=self.cluster.translator)
        draft = GuidePage.objects.get(pk=translated.pk).get_latest_revision_as_object()
        self.assertEqual(draft.title, "Guide de A")

    def test_translator_translates_a_topic_but_cannot_edit_the_source(self):
        topic = f.TopicFactory(name="Sea-ice operations")
        self.assert_refused("get", f"/admin/snippets/knowledgebase/topic/edit/{topic.pk}/")
        french = Locale.objects.get(language_code="fr")
        url = f"/admin/localize/submit/snippet/knowledgebase/topic/{topic.pk}/"
        self.assertEqual(self.client.post(url, {"locales": [french.pk]}).status_code, 302)
        translated = Topic.objects.get(translation_key=topic.translation_key, locale=french)
        response = self.client.get(f"/admin/snippets/knowledgebase/topic/edit/{translated.pk}/")
        self.assertEqual(response.status_code, 200)

    def test_editors_edit_source_topics(self):
        topic = f.TopicFactory(name="Sea-ice operations")
        self.client.force_login(self.cluster.editor)
        response = self.client.get(f"/admin/snippets/knowledgebase/topic/edit/{topic.pk}/")
        self.assertEqual(response.status_code, 200)
