"""The demo's engagement register: two members' visits to the Kalaallit communities
overlap, and the Sámi herders' "no visits" period has a visit planned in it;
`engagement_overlaps` lists both from the demo as loaded."""

import json
from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from demo.engagements import load_engagements
from engagements.models import Engagement, NoVisitPeriod
from knowledgebase.models import MemberPage


def overlaps():
    out = StringIO()
    call_command("engagement_overlaps", "--json", stdout=out)
    return json.loads(out.getvalue())


class DemoEngagementsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=StringIO())

    def test_the_demo_overlap_and_no_visits_clash_are_listed(self):
        by_kind = {}
        for clash in overlaps():
            by_kind.setdefault(clash["kind"], []).append(clash)
        [overlap] = by_kind["overlap"]
        self.assertEqual(overlap["community"], "kalaallit")
        members = [member for item in overlap["engagements"] for member in item["members"]]
        expected = MemberPage.objects.filter(
            slug__in=["face-it", "svalbard-field-safety-network"], locale__language_code="en"
        )
        self.assertEqual(sorted(members), sorted(expected.values_list("title", flat=True)))
        [clash] = by_kind["no_visits"]
        self.assertEqual(clash["community"], "sami")
        self.assertIn("calving", clash["period"]["reason"])

    def test_loading_again_adds_nothing(self):
        counts = Engagement.objects.count(), NoVisitPeriod.objects.count()
        self.assertEqual(counts, (4, 1))
        load_engagements(log=lambda message: None)
        self.assertEqual((Engagement.objects.count(), NoVisitPeriod.objects.count()), counts)
