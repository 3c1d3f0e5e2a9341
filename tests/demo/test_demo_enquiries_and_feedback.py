"""The demo adds a few enquiries and feedback entries, once, so a newcomer sees the inbox,
the feedback report and an author's dashboard with something in them."""

from django.test import TestCase, override_settings

from contact.models import Enquiry
from demo.enquiries import load_enquiries
from demo.feedback import load_feedback
from feedback.models import Feedback
from tests import factories as f
from tests.conftest import build_tree


@override_settings(CONTACT_SECRETARIAT_EMAIL="secretariat@polarcluster.example")
class DemoEnquiriesAndFeedbackTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        tree = build_tree()
        f.MemberPageFactory(parent=tree.members, slug="interact")
        cls.guides = [f.GuidePageFactory(parent=tree.guides) for _n in range(2)]
        cls.lessons = [f.LessonPageFactory(parent=tree.lessons) for _n in range(2)]

    def load(self):
        load_enquiries(log=lambda message: None)
        load_feedback(log=lambda message: None)

    def test_every_status_is_shown_and_a_second_run_adds_nothing(self):
        self.load()
        self.assertEqual(
            set(Enquiry.objects.values_list("status", flat=True)),
            {"new", "assigned", "answered", "closed"},
        )
        self.assertEqual(Enquiry.objects.purgeable().count(), 1)
        self.assertTrue(Enquiry.objects.filter(notification_failed=True).exists())
        self.assertEqual(
            set(Enquiry.objects.values_list("routed_to", flat=True)),
            {"secretariat@polarcluster.example"},
        )
        keys = set(Feedback.objects.values_list("translation_key", flat=True))
        self.assertEqual(keys, {page.translation_key for page in self.guides + self.lessons})
        counts = (Enquiry.objects.count(), Feedback.objects.count())
        self.load()
        self.assertEqual((Enquiry.objects.count(), Feedback.objects.count()), counts)
