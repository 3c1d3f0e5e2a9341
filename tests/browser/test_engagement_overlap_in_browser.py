"""An author records a visit that overlaps another member's in the admin, in Chromium,
and the page after saving warns them, naming the other member, dates and contact."""

import datetime

from django.contrib.auth.models import Group, User
from django.utils import timezone

import pytest

from engagements.models import Engagement
from knowledgebase.models import Community, MemberPage
from tests.browser.browser import BrowserTestCase
from workspaces.members import add_member_author
from workspaces.roles import MEMBER_AUTHORS

pytestmark = pytest.mark.browser


class EngagementOverlapInBrowserTests(BrowserTestCase):
    def wait_until(self, condition, seconds=30):
        from selenium.webdriver.support.ui import WebDriverWait

        return WebDriverWait(self.driver, seconds).until(condition)

    def find(self, selector):
        from selenium.webdriver.common.by import By

        return self.wait_until(lambda driver: driver.find_element(By.CSS_SELECTOR, selector))

    def log_in_as_author_of(self, slug):
        member = MemberPage.objects.get(slug=slug, locale__language_code="en")
        author = User.objects.create_user("ice-author", password="a long test password")
        author.groups.add(Group.objects.get(name=MEMBER_AUTHORS))
        add_member_author(author, member)
        self.open("/admin/login/")
        self.find("#id_username").send_keys("ice-author")
        self.find("#id_password").send_keys("a long test password")
        self.find("form button[type=submit]").click()
        self.wait_until(lambda driver: "/admin/login/" not in driver.current_url)
        return member

    def shown_text(self, selector):
        """The element's text once the reader can see it: Wagtail's admin shows its
        messages a moment after the page loads, and hidden text reads as empty."""
        from selenium.webdriver.common.by import By

        return self.wait_until(lambda driver: driver.find_element(By.CSS_SELECTOR, selector).text)

    def set_value(self, selector, value):
        self.driver.execute_script("arguments[0].value = arguments[1]", self.find(selector), value)

    def test_saving_an_overlapping_engagement_shows_the_warning(self):
        from selenium.webdriver.support.ui import Select

        member = self.log_in_as_author_of("interact")
        face_it = Engagement.objects.get(members__slug="face-it")  # the demo's FACE-IT visit
        community = Community.objects.get(key="kalaallit", locale__language_code="en")
        start = face_it.start + datetime.timedelta(days=2)
        self.open("/admin/engagement-register/engagements/new/")
        Select(self.find("#id_community")).select_by_value(str(community.pk))
        self.set_value("#id_start", start.isoformat())
        self.set_value("#id_end", (start + datetime.timedelta(days=2)).isoformat())
        self.find("#id_purpose").send_keys("Vegetation plots with Qeqertarsuaq hunters.")
        self.find(f"input[name=members][value='{member.pk}']").click()
        self.find("#id_contact_name").send_keys("Jens Petersen")
        self.find("#id_contact_email").send_keys("jens@example.org")
        self.driver.execute_script("arguments[0].form.requestSubmit()", self.find("#id_purpose"))

        warning = self.shown_text(".messages .warning")
        self.assertIn(face_it.member_names(), warning)
        self.assertIn(face_it.contact_name, warning)
        self.assertIn(face_it.contact_email, warning)
        self.assertIn(str(face_it.start.year), warning)
        self.assertIn("together", warning)
        self.assertTrue(
            Engagement.objects.filter(members=member, start=start, end__gte=timezone.localdate())
        )
