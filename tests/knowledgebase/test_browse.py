"""Topic, region and member pages list the content that belongs to them."""

import datetime

from django.test import TestCase

from knowledgebase.models import GuidePage
from tests import factories as f
from tests.conftest import build_tree


class BrowseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = tree = build_tree()
        fieldwork = f.TopicFactory(key="fieldwork", name="Fieldwork & safety")
        sea_ice = f.TopicFactory(key="sea-ice", name="Sea-ice operations", parent=fieldwork)
        leads = f.TopicFactory(key="leads", name="Crossing leads", parent=sea_ice)
        data = f.TopicFactory(key="data", name="Data management")
        arctic = f.RegionFactory(key="arctic", name="Arctic")
        svalbard = f.RegionFactory(key="svalbard", name="Svalbard", parent=arctic)
        cls.member = f.MemberPageFactory(parent=tree.members, title="ARICE", acronym="ARICE")
        other = f.MemberPageFactory(parent=tree.members, title="Other project")
        cls.guide = f.GuidePageFactory(
            parent=tree.guides, title="Drilling sea ice", topics=[leads], members=[cls.member]
        )
        cls.lesson = f.LessonPageFactory(
            parent=tree.lessons,
            title="Early break-up",
            topics=[sea_ice],
            regions=[svalbard],
            members=[cls.member],
        )
        cls.output = f.OutputPageFactory(
            parent=tree.outputs, title="Ice core archive", topics=[fieldwork], members=[cls.member]
        )
        cls.unrelated = f.GuidePageFactory(
            parent=tree.guides, title="Metadata basics", topics=[data], members=[other]
        )
        f.GuidePageFactory(
            parent=tree.guides, title="Draft on sea ice", topics=[sea_ice], live=False
        )

    def titles(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return [page.title for page in response.context["items"]]

    def test_topic_page_includes_descendants_content(self):
        self.assertCountEqual(
            self.titles("/en/topics/fieldwork/"),
            ["Drilling sea ice", "Early break-up", "Ice core archive"],
        )
        self.assertCountEqual(
            self.titles("/en/topics/sea-ice/"), ["Drilling sea ice", "Early break-up"]
        )
        self.assertEqual(self.titles("/en/topics/leads/"), ["Drilling sea ice"])

    def test_topic_page_shows_breadcrumb_through_ancestors(self):
        html = self.client.get("/en/topics/leads/").content.decode()
        self.assertIn('href="/en/topics/fieldwork/"', html)
        self.assertIn('href="/en/topics/sea-ice/"', html)
        self.assertIn('<span aria-current="page">Crossing leads</span>', html)

    def test_region_page_includes_sub_regions(self):
        self.assertEqual(self.titles("/en/regions/arctic/"), ["Early break-up"])

    def test_topic_index_lists_the_tree(self):
        html = self.client.get("/en/topics/").content.decode()
        for name in ("Fieldwork &amp; safety", "Sea-ice operations", "Crossing leads"):
            self.assertIn(name, html)

    def test_member_page_lists_its_guides_lessons_and_outputs(self):
        response = self.client.get(self.member.url)
        content = response.context["page"].content_by_type()
        self.assertEqual([p.title for p in content["guides"]], ["Drilling sea ice"])
        self.assertEqual([p.title for p in content["lessons"]], ["Early break-up"])
        self.assertEqual([p.title for p in content["outputs"]], ["Ice core archive"])
        html = response.content.decode()
        self.assertIn("Drilling sea ice", html)
        self.assertNotIn("Metadata basics", html)

    def test_ended_member_is_marked_legacy(self):
        self.member.end_date = datetime.date(2021, 12, 31)
        self.member.save_revision().publish()
        html = self.client.get(self.member.url).content.decode()
        self.assertIn("legacy member", html)


class ReviewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        cls.overdue = f.GuidePageFactory(
            parent=tree.guides, last_reviewed=datetime.date(2020, 1, 15), review_interval_months=12
        )
        cls.fresh = f.GuidePageFactory(
            parent=tree.guides,
            last_reviewed=datetime.date.today() - datetime.timedelta(days=30),
            review_interval_months=24,
        )

    def test_overdue_guide_is_visibly_marked(self):
        self.assertTrue(self.overdue.is_review_overdue)
        self.assertEqual(self.overdue.review_due, datetime.date(2021, 1, 15))
        html = self.client.get(self.overdue.url).content.decode()
        self.assertIn('class="overdue"', html)
        self.assertIn("Review overdue", html)

    def test_reviewed_guide_is_not_marked(self):
        self.assertFalse(self.fresh.is_review_overdue)
        self.assertNotIn('class="overdue"', self.client.get(self.fresh.url).content.decode())

    def test_review_falls_due_on_the_same_day_or_the_last_of_a_shorter_month(self):
        guide = GuidePage(last_reviewed=datetime.date(2024, 1, 31), review_interval_months=12)
        self.assertEqual(guide.review_due, datetime.date(2025, 1, 31))
        guide.review_interval_months = 1
        self.assertEqual(guide.review_due, datetime.date(2024, 2, 29))
        guide.last_reviewed, guide.review_interval_months = datetime.date(2024, 8, 30), 6
        self.assertEqual(guide.review_due, datetime.date(2025, 2, 28))


class BrowsePaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        ice = f.TopicFactory(key="ice", name="Ice")
        start = datetime.date(2020, 1, 1)
        factories = (
            (f.GuidePageFactory, tree.guides),
            (f.LessonPageFactory, tree.lessons),
            (f.OutputPageFactory, tree.outputs),
        )
        for number in range(25):
            factory, parent = factories[number % 3]
            factory(
                parent=parent,
                title=f"Item {number:02d}",
                published=start + datetime.timedelta(days=number),
                topics=[ice],
            )

    def test_a_topic_page_lists_every_kind_newest_first_page_by_page(self):
        newest_first = [f"Item {number:02d}" for number in reversed(range(25))]
        first = self.client.get("/en/topics/ice/")
        self.assertEqual([page.title for page in first.context["items"]], newest_first[:20])
        second = self.client.get("/en/topics/ice/?page=2")
        self.assertEqual([page.title for page in second.context["items"]], newest_first[20:])
        self.assertIn("Item 00", second.content.decode())
        self.assertNotIn("Item 05", second.content.decode())
