"""A page has its copy in every language: made with it, found when missing, repaired."""

from io import StringIO

from django.core import checks
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization

from knowledgebase.models import GuidePage
from polarkb.languages import LANGUAGES
from tests import factories as f
from tests.workspaces.helpers import build_cluster, guide_form

OTHER_LANGUAGES = sorted(code for code, _name in LANGUAGES if code != "en")


def synchronise_every_language():
    english = Locale.objects.get(language_code="en")
    for code in OTHER_LANGUAGES:
        LocaleSynchronization.objects.create(
            locale=f.LocaleFactory(language_code=code), sync_from=english
        )


def languages_of(page):
    return sorted(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale__language_code", flat=True
        )
    )


class CreatingAPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cluster = build_cluster()
        synchronise_every_language()
        cls.new_guide = f.GuidePageFactory.build(
            title="Drone surveys over sea ice", slug="drone-surveys"
        )

    def create_url(self):
        parent = self.cluster.tree.guides
        return reverse("wagtailadmin_pages:add", args=("knowledgebase", "guidepage", parent.pk))

    def test_a_submit_racing_the_autosave_submits_the_page_the_autosave_made(self):
        self.client.force_login(self.cluster.author)
        data = guide_form(self.new_guide, members=[self.cluster.member_a])
        autosave = self.client.post(self.create_url(), data, HTTP_ACCEPT="application/json")
        self.assertEqual(autosave.status_code, 200, autosave.content)
        self.assertTrue(autosave.json()["success"])

        # The submit leaves the browser before the autosave's answer arrives: same address.
        submit = self.client.post(self.create_url(), {**data, "action-submit": "1"})
        self.assertEqual(submit.status_code, 302, submit.content[:300])

        guide = GuidePage.objects.get(slug="drone-surveys", locale__language_code="en")
        self.assertEqual(guide.pk, autosave.json()["pk"])
        self.assertEqual(guide.current_workflow_state.status, "in_progress")
        self.assertEqual(languages_of(guide), sorted(["en", *OTHER_LANGUAGES]))

    def test_a_page_made_in_the_admin_has_its_copy_in_every_language(self):
        self.client.force_login(self.cluster.author)
        data = guide_form(self.new_guide, members=[self.cluster.member_a], **{"action-submit": "1"})
        self.assertEqual(self.client.post(self.create_url(), data).status_code, 302)
        guide = GuidePage.objects.get(slug="drone-surveys", locale__language_code="en")
        self.assertEqual(languages_of(guide), sorted(["en", *OTHER_LANGUAGES]))


class MissingCopiesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cluster = build_cluster()
        synchronise_every_language()
        # Made without the admin's hook, as by an import: it exists in English only.
        cls.guide = cls.cluster.tree.guides.add_child(
            instance=f.GuidePageFactory.build(title="Ice anchors", slug="ice-anchors")
        )
        cls.guide.save_revision().publish()

    def language_copy_warnings(self):
        found = checks.run_checks(databases=["default"], tags=[checks.Tags.database])
        return [message for message in found if message.id == "localization.W001"]

    def test_the_system_check_names_the_page_and_the_languages_it_lacks(self):
        [warning] = self.language_copy_warnings()
        self.assertIn("Ice anchors", warning.msg)
        self.assertIn(", ".join(OTHER_LANGUAGES), warning.msg)
        self.assertIn("repair_language_copies", warning.hint)

    def test_a_dry_run_lists_them_and_changes_nothing(self):
        output = StringIO()
        call_command("repair_language_copies", "--dry-run", stdout=output)
        self.assertIn("Ice anchors", output.getvalue())
        self.assertIn("nothing created", output.getvalue())
        self.assertEqual(languages_of(self.guide), ["en"])

    def test_the_repair_gives_the_page_its_copies_and_readers_find_them(self):
        output = StringIO()
        call_command("repair_language_copies", stdout=output)
        self.assertIn("kl: 1 copies created", output.getvalue())
        self.assertIn("Created 10 copies.", output.getvalue())
        self.assertEqual(languages_of(self.guide), sorted(["en", *OTHER_LANGUAGES]))
        self.assertEqual(self.language_copy_warnings(), [])
        for code in ("kl", "iu", "fr"):
            with self.subTest(code):
                self.assertEqual(self.client.get(f"/{code}/guides/ice-anchors/").status_code, 200)
