"""An author writes a new guide in the admin, Wagtail's autosave makes the page, and the
author submits it right after a last edit."""

import time

from django.contrib.auth.models import Group, User

from wagtail.models import Locale, Page

import pytest
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from knowledgebase.models import GuideIndexPage, GuidePage, MemberPage
from tests.browser.browser import BrowserTestCase
from workspaces.members import add_member_author
from workspaces.roles import MEMBER_AUTHORS

pytestmark = pytest.mark.browser

TITLE = "Snow pit observations at remote camps"


class NewGuideInBrowserTests(BrowserTestCase):
    def wait_until(self, condition, seconds=30):
        return WebDriverWait(self.driver, seconds).until(condition)

    def find(self, selector):
        return self.wait_until(lambda driver: driver.find_element(By.CSS_SELECTOR, selector))

    def click(self, selector):
        element = self.find(selector)
        self.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
        )
        element.click()

    def log_in_as_author(self):
        member = MemberPage.objects.get(
            slug="svalbard-field-safety-network", locale__language_code="en"
        )
        author = User.objects.create_user("snow-author", password="a long test password")
        author.groups.add(Group.objects.get(name=MEMBER_AUTHORS))
        add_member_author(author, member)
        self.open("/admin/login/")
        self.find("#id_username").send_keys("snow-author")
        self.find("#id_password").send_keys("a long test password")
        self.find("form button[type=submit]").click()
        self.wait_until(lambda driver: "/admin/login/" not in driver.current_url)
        return member

    def write_guide(self, member):
        guides = GuideIndexPage.objects.get(locale__language_code="en")
        self.open(f"/admin/pages/add/knowledgebase/guidepage/{guides.pk}/")
        # Wagtail's autosave watches the form from two seconds after it loads; what is
        # typed after that, it saves half a second later, making the page.
        time.sleep(2.5)
        self.find("#id_title").send_keys(TITLE)
        self.find("#id_summary").send_keys("How to dig, read and record a snow pit safely.")
        self.click("[data-streamfield-stream-container] button, .c-sf-add-button")
        self.click("[role=option], .w-combobox__option")  # the first block: a heading
        self.driver.switch_to.active_element.send_keys("Digging the pit")
        self.wait_until_autosaved()
        # The author's only member is ticked already; a last edit, then "Submit to Cluster
        # review" within a second, before its autosave.
        self.assertTrue(self.find(f"input[name=members][value='{member.pk}']").is_selected())
        self.find("#id_summary").send_keys(" Kept short for slow links.")
        self.find("button.w-dropdown__toggle.button").click()
        self.find("button[name=action-submit]").click()
        try:
            self.wait_until(lambda driver: "submitted" in driver.page_source)
        except TimeoutException:
            self.fail(f"No submission at {self.driver.current_url}: {self.shown_text()}")

    def wait_until_autosaved(self, settled_for=1.5, seconds=60):
        """Until the autosave has made the page (the address is the edit view's, and the
        form's parts, action menu included, have been swapped for the edit view's) and
        has had nothing to save for three of its intervals: a click during the swap
        would land on a button being replaced."""
        settled_since, deadline = None, time.monotonic() + seconds
        while time.monotonic() < deadline:
            if "/edit/" in self.driver.current_url and self.autosave_state() == "saved":
                settled_since = settled_since or time.monotonic()
                if time.monotonic() - settled_since >= settled_for:
                    return
            else:
                settled_since = None
            time.sleep(0.1)
        self.fail(
            f"The autosave made no page: {self.driver.current_url}, "
            f"autosave {self.autosave_state()}: {self.shown_text()}"
        )

    def autosave_state(self):
        indicator = self.driver.find_elements(By.ID, "w-autosave-indicator")
        return indicator[0].get_attribute("data-w-autosave-state-value") if indicator else None

    def shown_text(self):
        messages = self.driver.find_elements(By.CSS_SELECTOR, ".messages, .error-message, main")
        return " | ".join(" ".join(element.text.split())[:400] for element in messages)

    def test_a_guide_submitted_right_after_its_last_edit_exists_in_every_language(self):
        member = self.log_in_as_author()
        self.write_guide(member)
        self.assertNotIn("Something went wrong", self.driver.page_source)

        [guide] = GuidePage.objects.filter(title=TITLE, locale__language_code="en")
        self.assertEqual(guide.current_workflow_state.status, "in_progress")
        copies = Page.objects.filter(translation_key=guide.translation_key)
        self.assertEqual(
            sorted(copies.values_list("locale__language_code", flat=True)),
            sorted(Locale.objects.values_list("language_code", flat=True)),
        )
        guide.get_latest_revision().publish()  # as the editors' approval does
        for code in ("kl", "iu", "fr"):
            with self.subTest(code):
                url = copies.get(locale__language_code=code).url
                self.open(url)
                self.assertIn(TITLE, self.driver.title)
