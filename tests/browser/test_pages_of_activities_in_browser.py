"""The activities index and an event page in Chromium: no axe-core violations and no
sideways scrolling on a phone, in English and Kalaallisut."""

import pytest

from activities.models import EventPage
from tests.browser.browser import BrowserTestCase, axe_violations

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "kl")
PHONE_WIDTHS = (320, 375)


def activity_pages(language):
    event = EventPage.objects.live().filter(locale__language_code=language).order_by("pk")
    return {"activities": f"/{language}/activities/", "event": event.first().url}


class ActivitiesInBrowserTests(BrowserTestCase):
    def test_activities_have_no_accessibility_violations(self):
        failures = {}
        for language in LANGUAGES:
            for name, path in activity_pages(language).items():
                self.open(path)
                self.assertIn("activities", self.driver.current_url)
                if violations := axe_violations(self.driver):
                    failures[f"{name} in {language} ({path})"] = violations
        self.assertEqual(failures, {})

    def test_activities_do_not_scroll_sideways_on_a_phone(self):
        wide = []
        try:
            for width in PHONE_WIDTHS:
                self.emulate_screen(width, 740)
                for language in LANGUAGES:
                    for name, path in activity_pages(language).items():
                        driver = self.open(path)
                        scroll = driver.execute_script(
                            "return document.documentElement.scrollWidth"
                        )
                        if scroll > width:
                            wide.append(f"{name} in {language} at {width} px: {scroll} px")
        finally:
            self.emulate_screen(1280, 900)
        self.assertEqual(wide, [])

    def test_upcoming_events_by_month_without_javascript(self):
        self.set_javascript(False)
        try:
            driver = self.open("/en/activities/")
            headings = [h.text for h in driver.find_elements("css selector", "main h2, main h3")]
        finally:
            self.set_javascript(True)
        self.assertIn("Upcoming events", headings)
        self.assertIn("Past events", headings)
        self.assertIn("Sea-ice safety working group meeting", headings)
