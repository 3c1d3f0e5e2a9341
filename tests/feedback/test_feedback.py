"""Readers say whether a guide or lesson helped: a POST from the page that works without
JavaScript, redirects back to it, keeps nothing personal and is rate-limited."""

from django.core.cache import cache
from django.test import TestCase, override_settings

from feedback.models import Feedback
from tests import factories as f
from tests.conftest import build_tree, translate


class FeedbackFormTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        cls.guide = f.GuidePageFactory(parent=tree.guides, title="Sea-ice travel", slug="sea-ice")
        cls.lesson = f.LessonPageFactory(parent=tree.lessons, slug="early-break-up")
        cls.member = f.MemberPageFactory(parent=tree.members, slug="sio")
        cls.draft = f.GuidePageFactory(parent=tree.guides, slug="draft", live=False)
        translate(tree.home, "fr")
        translate(tree.guides, "fr")
        cls.french_guide = translate(cls.guide, "fr", title="Voyager sur la glace de mer")

    def setUp(self):
        cache.clear()  # the rate limit counts in the cache

    def post(self, page, language="en", **data):
        return self.client.post(f"/{language}/feedback/", {"page": page.pk, **data})

    def test_guides_and_lessons_carry_the_form_other_pages_do_not(self):
        for page, expected in ((self.guide, True), (self.lesson, True), (self.member, False)):
            with self.subTest(page=page.slug):
                response = self.client.get(page.url)
                self.assertEqual(response.status_code, 200)
                has_form = '<form method="post" action="/en/feedback/"' in response.content.decode()
                self.assertEqual(has_form, expected)
        self.assertContains(self.client.get(self.guide.url), f'name="page" value="{self.guide.pk}"')

    def test_a_vote_is_stored_and_the_reader_is_sent_back_to_the_page(self):
        response = self.post(
            self.guide, useful="no", comment="  The ice thickness table is wrong. "
        )
        self.assertEqual(response.status_code, 303)
        self.assertEqual(response["Location"], f"{self.guide.url}?feedback=thanks#feedback")
        entry = Feedback.objects.get()
        self.assertEqual(
            (entry.translation_key, entry.language, entry.useful, entry.comment),
            (self.guide.translation_key, "en", False, "The ice thickness table is wrong."),
        )
        back = self.client.get(response["Location"])
        self.assertContains(back, "Thank you for your feedback")
        self.assertNotContains(back, 'action="/en/feedback/"')

    def test_a_vote_on_a_translation_counts_for_the_same_item_in_its_language(self):
        response = self.post(self.french_guide, language="fr", useful="yes")
        self.assertEqual(response["Location"], f"{self.french_guide.url}?feedback=thanks#feedback")
        entry = Feedback.objects.get()
        self.assertEqual(
            (entry.translation_key, entry.language), (self.guide.translation_key, "fr")
        )
        self.assertContains(self.client.get(response["Location"]), "Merci pour votre avis")

    def test_unknown_pages_are_refused_with_400(self):
        for page_id in ("", "abc", "999999", str(self.member.pk), str(self.draft.pk)):
            with self.subTest(page=page_id):
                response = self.client.post("/en/feedback/", {"page": page_id, "useful": "yes"})
                self.assertEqual(response.status_code, 400)
                self.assertContains(
                    response, "We could not find the page this feedback is about.", status_code=400
                )
        self.assertFalse(Feedback.objects.exists())

    def test_bad_input_returns_the_form_with_a_message_in_the_readers_language(self):
        cases = [
            ("en", {}, "Please choose Yes or No."),
            ("en", {"useful": "maybe"}, "Please choose Yes or No."),
            ("en", {"useful": "yes", "comment": "x" * 1001}, "at most 1000 characters"),
            ("fr", {"useful": ""}, "Veuillez choisir Oui ou Non."),
        ]
        for language, data, message in cases:
            with self.subTest(language=language, data=list(data)):
                page = self.french_guide if language == "fr" else self.guide
                response = self.post(page, language=language, **data)
                self.assertEqual(response.status_code, 400)
                self.assertContains(response, message, status_code=400)
                self.assertContains(response, f'href="{page.url}"', status_code=400)
        self.assertFalse(Feedback.objects.exists())

    def test_an_oversized_post_is_refused(self):
        response = self.post(self.guide, useful="yes", comment="x" * 20_000)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(Feedback.objects.exists())

    @override_settings(FEEDBACK_RATE_LIMIT=(2, 3600))
    def test_a_client_posting_too_often_is_asked_to_wait(self):
        self.assertEqual(self.post(self.guide, useful="yes").status_code, 303)
        self.assertEqual(self.post(self.lesson, useful="yes").status_code, 303)
        response = self.post(self.guide, useful="no")
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Please try again later.", status_code=429)
        self.assertEqual(Feedback.objects.count(), 2)

    @override_settings(FEEDBACK_RATE_LIMIT=(1, 3600), FORWARDED_ALLOW_IPS=["127.0.0.1"])
    def test_readers_behind_the_proxy_are_counted_apart(self):
        def from_reader(forwarded_for):
            data = {"page": self.guide.pk, "useful": "yes"}
            return self.client.post(
                "/en/feedback/", data, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for
            )

        self.assertEqual(from_reader("203.0.113.5").status_code, 303)
        self.assertEqual(from_reader("203.0.113.6").status_code, 303)
        self.assertEqual(from_reader("203.0.113.5").status_code, 429)
        self.assertEqual(Feedback.objects.count(), 2)

    def test_only_post_is_accepted(self):
        self.assertEqual(self.client.get("/en/feedback/").status_code, 405)
