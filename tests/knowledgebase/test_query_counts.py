"""Each kind of page answers with a bounded number of database queries, however
many items it lists: visibility, locales and a page's translations are worked out
once per request, not once per listed item or template tag.

Pages are rendered afresh on every request (no kept copy), so the limits count what
rendering a page costs. The limits are today's counts. A change that adds queries to
a page fails here: lower the limit when a page gets cheaper; raise it only for a
feature that needs the query, never for a query per listed item.
"""

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from tests import factories as f
from tests.conftest import build_tree, translate

# (url, most queries) in English and, through aliases and one real translation, Kalaallisut.
# Every served page asks once whether another app withholds it (community consent);
# guides, lessons and outputs load their cultural notices. The members index reads the
# directory's topics, regions and kinds of infrastructure; member, topic and region pages
# list activities and infrastructure too (each kind read once, however many items).
LIMITS = {
    "/en/": 25,
    "/en/guides/": 21,
    "/en/guides/guide-0/": 35,
    "/en/lessons/": 21,
    "/en/lessons/lesson-0/": 33,
    "/en/members/": 25,
    "/en/members/member-0/": 73,
    "/en/outputs/": 21,
    "/en/outputs/output-0/": 33,
    "/en/topics/": 20,
    "/en/topics/fieldwork/": 44,
    "/en/regions/": 20,
    "/en/regions/arctic/": 44,
    "/en/search/?q=ice": 13,  # the translation groups hidden in every language
    "/kl/": 34,
    "/kl/guides/": 25,
    "/kl/guides/guide-0/": 39,  # a real translation: its provenance badge
    "/kl/guides/guide-1/": 42,  # an alias: its source's sections are checked too
    "/kl/members/member-0/": 81,
    "/kl/topics/fieldwork/": 48,
    "/kl/search/?q=ice": 14,
}
# Pages that list items; their query count must not grow with the number of items.
LISTINGS = [
    "/en/",
    "/en/guides/",
    "/en/members/member-0/",
    "/en/topics/fieldwork/",
    "/en/regions/arctic/",
    "/kl/",
    "/kl/guides/",
    "/kl/topics/fieldwork/",
]


@override_settings(PAGE_CACHE_SECONDS=0)  # every request renders its page
class QueryCountTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_tree()
        cls.topic = f.TopicFactory(key="fieldwork", name="Fieldwork")
        cls.region = f.RegionFactory(key="arctic", name="Arctic")
        cls.members = [
            f.MemberPageFactory(
                parent=cls.tree.members,
                slug=f"member-{n}",
                acronym=f"M{n}",
                topics=[cls.topic],
                regions=[cls.region],
            )
            for n in range(3)
        ]
        cls.add_content(count=4)
        cls.tree.home.featured_guides.set(cls.guides[:3])
        cls.tree.home.save_revision().publish()
        for page in vars(cls.tree).values():
            translate(page, "kl")
        translate(cls.guides[0], "kl", title="Ilitsersuut")
        synchronize_tree(
            Locale.objects.get(language_code="en"), Locale.objects.get(language_code="kl")
        )

    @classmethod
    def add_content(cls, count, start=0):
        tree, tags = cls.tree, {"topics": [cls.topic], "regions": [cls.region]}
        guides = [
            f.GuidePageFactory(
                parent=tree.guides,
                slug=f"guide-{n}",
                members=cls.members,
                body=[("heading", {"text": "Before you go", "level": "h2", "anchor": ""})],
                **tags,
            )
            for n in range(start, start + count)
        ]
        guides[0].related_guides.set(guides[1:])
        guides[0].save_revision().publish()
        for n in range(start, start + count):
            f.LessonPageFactory(
                parent=tree.lessons, slug=f"lesson-{n}", members=cls.members, **tags
            )
            f.OutputPageFactory(
                parent=tree.outputs, slug=f"output-{n}", members=cls.members, **tags
            )
        if start == 0:
            cls.guides = guides

    def count_queries(self, url):
        """Queries of a repeated request: what every reader but the first costs."""
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(queries)

    def test_each_page_stays_within_its_query_budget(self):
        for url, limit in LIMITS.items():
            with self.subTest(url=url):
                self.assertLessEqual(self.count_queries(url), limit)

    def test_listings_make_as_many_queries_for_more_items(self):
        before = {url: self.count_queries(url) for url in LISTINGS}
        self.add_content(count=4, start=10)
        synchronize_tree(
            Locale.objects.get(language_code="en"), Locale.objects.get(language_code="kl")
        )
        after = {url: self.count_queries(url) for url in LISTINGS}
        self.assertEqual(after, before)
