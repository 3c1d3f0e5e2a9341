"""Activities in search, on the database engine and a real node: the ``activity`` type,
their year, members, topics and regions, and an upcoming event above a past one."""

import datetime

from django.utils import timezone

from tests import factories as f
from tests.search.engine import ENGINE, EngineTestCase

TODAY = timezone.localdate()


class ActivitySearch:
    @classmethod
    def add_content(cls):
        tree, corpus = cls.corpus.tree, cls.corpus
        shared = {
            "parent": tree.activities,
            "summary": "Members compare crevasse rescue drills on the ice cap.",
            "members": [corpus.members[0]],
            "topics": [corpus.topics[1]],
            "regions": [corpus.regions[1]],
        }
        cls.past = f.EventPageFactory(
            title="Crevasse rescue drill",
            slug="crevasse-rescue-drill-past",
            start_date=TODAY - datetime.timedelta(days=400),
            **shared,
        )
        # The same words, in a longer text: without the bonus a text-only score would
        # put the shorter, past event first.
        longer = shared["summary"] + " Bring a harness, a helmet and two prusik loops."
        cls.upcoming = f.EventPageFactory(
            title="Crevasse rescue drill",
            slug="crevasse-rescue-drill",
            start_date=TODAY + datetime.timedelta(days=20),
            **{**shared, "summary": longer},
        )
        cls.group = f.WorkingGroupPageFactory(
            parent=tree.activities, title="Crevasse rescue working group", members=[]
        )

    def test_upcoming_event_ranks_above_a_past_one(self):
        results = self.api(q="crevasse rescue drill", lang="en")["results"]
        ids = [result["id"] for result in results]
        assert str(self.upcoming.translation_key) in ids, results
        assert ids.index(str(self.upcoming.translation_key)) < ids.index(
            str(self.past.translation_key)
        )

    def test_type_activity_returns_events_and_working_groups(self):
        answer = self.api(type="activity", lang="en")
        found = {result["id"] for result in answer["results"]}
        expected = {self.past, self.upcoming, self.group}
        self.assertEqual(found, {str(page.translation_key) for page in expected})
        self.assertEqual({result["type"] for result in answer["results"]}, {"activity"})
        types = {entry["value"]: entry for entry in self.api(lang="en")["facets"]["type"]}
        self.assertEqual(types["activity"]["count"], 3)
        self.assertEqual(types["activity"]["label"], "Activity")

    def test_an_event_counts_in_its_year_with_its_members_topics_and_regions(self):
        answer = self.api(type="activity", q="crevasse drill", year=str(self.past.start_date.year))
        self.assertEqual([r["id"] for r in answer["results"]], [str(self.past.translation_key)])
        result = answer["results"][0]
        corpus = self.corpus
        self.assertEqual(result["members"], [corpus.members[0].member_key])
        self.assertIn(corpus.topics[1].key, result["topics"])
        self.assertIn(corpus.regions[1].key, result["regions"])


class NodeActivitySearchTests(ActivitySearch, EngineTestCase):
    engine_name = ENGINE


class DatabaseActivitySearchTests(ActivitySearch, EngineTestCase):
    engine_name = "database"


class EventsFollowPublishing(EngineTestCase):
    """Publishing and unpublishing an event reach the index change by change."""

    engine_name = "database"

    def test_a_published_event_is_found_and_an_unpublished_one_is_not(self):
        with self.captureOnCommitCallbacks(execute=True):
            event = f.EventPageFactory(
                parent=self.corpus.tree.activities, title="Skerry landing rehearsal", live=False
            )
            event.save_revision().publish()
        self.assertEqual(self.api(q="skerry landing", type="activity")["total"], 1)
        event.refresh_from_db()  # published from its revision: this copy still says draft
        with self.captureOnCommitCallbacks(execute=True):
            event.unpublish()
        self.assertEqual(self.api(q="skerry landing", type="activity")["total"], 0)
