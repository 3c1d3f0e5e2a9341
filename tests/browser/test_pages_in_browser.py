"""What readers get in Chromium: no axe-core violations on every kind of page in
English, Kalaallisut and Inuktitut, keyboard and no-JavaScript use, a language
selector that works, and screenshots of the key pages for review."""

from urllib.parse import urlparse

from wagtail.models import Locale

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from knowledgebase.models import (
    GuideIndexPage,
    GuidePage,
    InfrastructurePage,
    LessonPage,
    MemberPage,
    OutputPage,
    Region,
    RegionIndexPage,
    Topic,
    TopicIndexPage,
)
from tests.browser.browser import SCREENSHOTS, BrowserTestCase, axe_violations

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "kl", "se", "iu")
PHONE, DESKTOP = (375, 740), (1280, 900)
WIDTHS = (320, 375, 1280)
SEARCH_WITH_FILTERS = "search with filters open"
MEMBER_WITH_INFRASTRUCTURE = "svalbard-field-safety-network"
DIRECTORY_FILTERS = "topic=fieldwork-safety&kind=training"


def first_url(model, language, untranslated=False):
    """A live page of a type in a language: a translation where there is one (or, asked
    for, an untranslated copy shown in its original language)."""
    pages = model.objects.live().public().filter(locale__language_code=language).order_by("pk")
    translated = pages.filter(alias_of__isnull=True).first()
    if untranslated:
        page = pages.filter(alias_of__isnull=False).first()
    else:
        page = translated or pages.first()
    return page.url if page else None


def taxonomy_url(index_model, taxonomy_model, language):
    index = index_model.objects.live().filter(locale__language_code=language).first()
    key = taxonomy_model.objects.filter(locale=Locale.get_default()).order_by("pk").first().key
    return f"{index.url}{key}/"


def first_topic():
    return Topic.objects.filter(locale=Locale.get_default()).order_by("pk").first().key


def pages_to_check(language):
    """{name: path} of every kind of page a reader meets, in one language."""
    pages = {
        "home": f"/{language}/",
        "guide": first_url(GuidePage, language),
        "lesson": first_url(LessonPage, language),
        "member": first_url(MemberPage, language),
        "legacy output": first_url(OutputPage, language),
        "topic": taxonomy_url(TopicIndexPage, Topic, language),
        "region": taxonomy_url(RegionIndexPage, Region, language),
        "search with a filter": f"/{language}/search/?q=ice&type=guide",
        SEARCH_WITH_FILTERS: f"/{language}/search/?q=ice&type=guide&topic={first_topic()}",
        "glossary": f"/{language}/glossary/",
        "contact": f"/{language}/contact/",
        "untranslated page": first_url(GuidePage, language, untranslated=True),
        # Cards of items that exist only in English, each marked with its language.
        "guide listing": first_url(GuideIndexPage, language),
        "page not found": f"/{language}/no-such-page/",
        **outreach_pages(language),
        **directory_pages(language),
    }
    return {name: path for name, path in pages.items() if path}


def directory_pages(language):
    """{name: path} of the members directory with filters, a member page with contact
    points and infrastructure, and an infrastructure page."""
    source = MemberPage.objects.get(locale=Locale.get_default(), slug=MEMBER_WITH_INFRASTRUCTURE)
    member = MemberPage.objects.get(
        translation_key=source.translation_key, locale__language_code=language
    )
    return {
        "members directory with filters": f"/{language}/members/?{DIRECTORY_FILTERS}",
        "member with infrastructure": member.url,
        "infrastructure": first_url(InfrastructurePage, language),
    }


def outreach_pages(language):
    """{name: path} of the network, the numbers and a member's embeddable list."""
    member = MemberPage.objects.live().filter(locale=Locale.get_default()).order_by("pk").first()
    return {
        "network": f"/{language}/network/",
        "numbers": f"/{language}/numbers/",
        "embed": f"/{language}/embed/?member={member.slug}",
    }


class PagesInBrowserTests(BrowserTestCase):
    def open_page(self, name, path):
        """A page as a reader leaves it: the search filters opened where asked."""
        driver = self.open(path)
        if name == SEARCH_WITH_FILTERS:
            driver.execute_script("document.querySelector('details.filters').open = true")
        return driver

    def test_pages_have_no_accessibility_violations(self):
        failures = {}
        checked = 0
        for language in LANGUAGES:
            for name, path in pages_to_check(language).items():
                self.open_page(name, path)
                checked += 1
                violations = axe_violations(self.driver)
                if violations:
                    failures[f"{name} in {language} ({path})"] = violations
        report = "\n".join(f"{page}:\n  " + "\n  ".join(v) for page, v in failures.items())
        self.assertFalse(failures, f"axe-core violations on {len(failures)} pages:\n{report}")
        # every page in four languages; English has no untranslated page
        self.assertEqual(checked, 79)

    def test_no_page_scrolls_sideways(self):
        wide = []
        try:
            for width in WIDTHS:
                self.emulate_screen(width, 800)
                for language in LANGUAGES:
                    for name, path in pages_to_check(language).items():
                        driver = self.open_page(name, path)
                        scroll_width = driver.execute_script(
                            "return document.documentElement.scrollWidth"
                        )
                        if scroll_width > width:
                            wide.append(f"{name} in {language} at {width} px: {scroll_width} px")
        finally:
            self.emulate_screen(*DESKTOP)
        self.assertFalse(wide, "pages wider than the screen:\n" + "\n".join(wide))

    def test_search_results_beside_open_filters_on_a_desktop(self):
        for language in LANGUAGES:
            with self.subTest(language=language):
                driver = self.open_page(SEARCH_WITH_FILTERS, f"/{language}/search/?q=ice")
                first = driver.find_element(By.CSS_SELECTOR, ".result-list > li")
                self.assertLess(first.rect["y"], 900, "the first result is below the first screen")
                chips = driver.find_elements(By.CSS_SELECTOR, ".chips a")
                self.assertEqual(chips, [])
                driver = self.open_page(
                    SEARCH_WITH_FILTERS, f"/{language}/search/?q=ice&type=guide"
                )
                self.assertEqual(len(driver.find_elements(By.CSS_SELECTOR, ".chips a")), 1)
                first = driver.find_element(By.CSS_SELECTOR, ".result-list > li")
                self.assertLess(first.rect["y"], 900, "the first result is below the first screen")

    def test_axe_finds_a_violation_when_there_is_one(self):
        self.open("/en/")
        self.driver.execute_script(
            "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')"
        )
        self.assertTrue(any(v.startswith("image-alt") for v in axe_violations(self.driver)))

    def test_every_language_has_an_untranslated_page_to_check(self):
        for language in ("kl", "iu"):
            with self.subTest(language=language):
                self.assertIn("untranslated page", pages_to_check(language))

    def test_skip_link_is_the_first_tab_stop_and_moves_to_the_content(self):
        driver = self.open(first_url(GuidePage, "kl"))
        driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
        focused = driver.switch_to.active_element
        self.assertEqual(focused.get_attribute("class"), "skip-link")
        self.assertTrue(focused.is_displayed())
        focused.send_keys(Keys.ENTER)
        self.assertEqual(driver.switch_to.active_element.get_attribute("id"), "main")

    def test_nothing_comes_before_the_header(self):
        for path in (first_url(GuidePage, "en"), "/iu/", first_url(GuidePage, "kl", True)):
            with self.subTest(path=path):
                driver = self.open(path)
                tags = driver.execute_script(
                    "return [...document.body.children].slice(0, 2)"
                    ".map(e => e.tagName + '.' + e.className)"
                )
                self.assertEqual(tags, ["A.skip-link", "HEADER.site-header"])
                top = driver.execute_script(
                    "return document.elementFromPoint(5, 5).closest('header') !== null"
                )
                self.assertTrue(top, "the top left corner of the page is not the header")

    def test_language_selector_changes_the_language(self):
        driver = self.open(first_url(GuidePage, "en"))
        selector = driver.find_element(By.CSS_SELECTOR, "header nav.languages")
        self.assertEqual(selector.get_attribute("aria-label"), "Language")
        current = selector.find_element(By.CSS_SELECTOR, "a[aria-current]")
        self.assertEqual(current.get_attribute("lang"), "en")
        selector.find_element(By.TAG_NAME, "summary").click()
        selector.find_element(By.CSS_SELECTOR, 'a[hreflang="kl"]').click()
        WebDriverWait(driver, 10).until(expected_conditions.url_contains("/kl/"))
        self.assertEqual(driver.find_element(By.TAG_NAME, "html").get_attribute("lang"), "kl")
        self.assertTrue(urlparse(driver.current_url).path.startswith("/kl/"))

    def test_directory_filters_work_without_javascript(self):
        self.set_javascript(False)
        try:
            driver = self.open("/en/members/")
            Select(driver.find_element(By.ID, "directory-kind")).select_by_value("training")
            driver.find_element(By.CSS_SELECTOR, ".directory-filters button").click()
            WebDriverWait(driver, 10).until(expected_conditions.url_contains("kind=training"))
            section = driver.find_element(By.CSS_SELECTOR, "section:has(#members-heading)")
            titles = [a.text for a in section.find_elements(By.CSS_SELECTOR, ".card-title a")]
            self.assertEqual(titles, ["Svalbard Field Safety Network (fictional demo member)"])
            self.assertIn("Svalbard field safety course", driver.page_source)
        finally:
            self.set_javascript(True)

    def test_search_filters_work_without_javascript(self):
        self.set_javascript(False)
        try:
            driver = self.open("/en/search/?q=ice")
            search_box = driver.find_element(By.ID, "search-q")
            self.assertIsNone(search_box.get_attribute("list"), "suggest.js ran")
            driver.find_element(By.CSS_SELECTOR, "details.filters > summary").click()
            driver.find_element(By.CSS_SELECTOR, 'input[name="type"][value="lesson"]').click()
            driver.find_element(By.CSS_SELECTOR, ".facets button[type=submit]").click()
            WebDriverWait(driver, 10).until(expected_conditions.url_contains("type="))
            query = urlparse(driver.current_url).query
            self.assertIn("type=lesson", query)
            summary = driver.find_element(By.CSS_SELECTOR, "details.filters > summary").text
            self.assertIn("Filters (1)", summary)
            types = {e.text for e in driver.find_elements(By.CSS_SELECTOR, ".result .card-type")}
            self.assertTrue(types)
            self.assertTrue(all(t.lower().startswith("lesson learned") for t in types), types)
        finally:
            self.set_javascript(True)

    def test_phone_first_screen_has_search_and_language_selector(self):
        self.emulate_screen(*PHONE)
        try:
            height = self.driver.execute_script("return window.innerHeight")
            for path, selector in (
                ("/kl/", "#home-search-q"),
                ("/en/search/?q=ice", ".result-list > li"),
                ("/iu/", "header nav.languages summary"),
                (first_url(GuidePage, "kl"), "header nav.languages summary"),
            ):
                with self.subTest(path=path, element=selector):
                    element = self.open(path).find_element(By.CSS_SELECTOR, selector)
                    bottom = element.rect["y"] + element.rect["height"]
                    self.assertLessEqual(bottom, height, "not in the first screen")
        finally:
            self.emulate_screen(*DESKTOP)

    def test_screenshots_for_review(self):
        """Home, a guide and search at phone and desktop width, kept by CI for review."""
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        pages = {
            "home": "/en/",
            "guide": first_url(GuidePage, "en"),
            "search": "/en/search/?q=ice&type=guide",
            "home-iu": "/iu/",
            "home-kl": "/kl/",
            "glossary-kl": "/kl/glossary/",
        }
        try:
            for width, height in (PHONE, DESKTOP):
                self.emulate_screen(width, height)
                for name, path in pages.items():
                    self.open_page(SEARCH_WITH_FILTERS if name == "search" else name, path)
                    target = SCREENSHOTS / f"{name}-{width}.png"
                    self.assertTrue(self.driver.save_screenshot(str(target)))
        finally:
            self.emulate_screen(*DESKTOP)
