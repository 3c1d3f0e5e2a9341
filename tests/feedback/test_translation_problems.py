"""A reader reports a problem with a translation from the translated page itself; the
translators find it on their dashboard, with the language copy it is about."""

from django.test import TestCase

from feedback.models import Feedback
from tests import factories as f
from tests.localization.helpers import localize, translated
from tests.workspaces.helpers import build_cluster


class TranslationProblemTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.cluster = build_cluster()
        tree = cls.cluster.tree
        cls.guide = f.GuidePageFactory(parent=tree.guides, title="Sea-ice travel", slug="sea-ice")
        cls.guide.save_revision().publish()
        for page in (tree.home, tree.guides):
            localize(page, "kl")
        cls.machine_made = translated(localize(cls.guide, "kl", machine=True))

    def report(self, about_translation, comment):
        data = {"page": self.machine_made.pk, "useful": "no", "comment": comment}
        if about_translation:
            data["about_translation"] = "1"
        return self.client.post("/kl/feedback/", data)

    def test_the_link_on_a_machine_translation_opens_the_form_ticked(self):
        page = self.client.get(self.machine_made.url).content.decode()
        self.assertIn('href="?feedback=translation#feedback-comment"', page)
        self.assertNotIn('name="about_translation"', page)
        ticked = self.client.get(self.machine_made.url + "?feedback=translation")
        self.assertContains(ticked, 'name="about_translation" value="1" checked')

    def test_translators_see_the_problem_with_the_copy_it_is_about(self):
        self.assertEqual(self.report(True, "The word for sea ice is wrong.").status_code, 303)
        self.report(False, "Too long.")
        self.assertEqual(
            list(Feedback.objects.order_by("comment").values_list("comment", "about_translation")),
            [("The word for sea ice is wrong.", True), ("Too long.", False)],
        )
        self.client.force_login(self.cluster.translator)
        dashboard = self.client.get("/admin/").content.decode()
        self.assertIn("Problems readers reported with a translation", dashboard)
        self.assertIn("The word for sea ice is wrong.", dashboard)
        self.assertIn(f'href="/admin/pages/{self.machine_made.pk}/edit/"', dashboard)
        self.assertNotIn("Too long.", dashboard)

    def test_authors_do_not_get_the_translators_panel(self):
        self.report(True, "The word for sea ice is wrong.")
        self.client.force_login(self.cluster.author)
        dashboard = self.client.get("/admin/").content.decode()
        self.assertNotIn("Problems readers reported with a translation", dashboard)

    def test_editors_filter_the_report_by_translation_problems(self):
        self.report(True, "The word for sea ice is wrong.")
        other = f.LessonPageFactory(parent=self.cluster.tree.lessons, title="Early break-up")
        other.save_revision().publish()
        self.client.post("/en/feedback/", {"page": other.pk, "useful": "no"})
        self.client.force_login(self.cluster.editor)
        report = self.client.get("/admin/reports/feedback/", {"about_translation": "true"})
        self.assertContains(report, "Sea-ice travel")
        self.assertNotContains(report, "Early break-up")
