"""Real Chromium (Debian's chromium and chromium-driver) through Selenium, with axe-core.

Every test class gets one browser; the classes share one copy of the demo content
(tests/browser/conftest.py), served by Django's live server. Without Chromium the
browser tests are skipped, except in CI (CI set to anything but 0 or false), where a
missing browser fails the run.
"""

import json
import os
import shutil
from pathlib import Path

from django.contrib.staticfiles.testing import StaticLiveServerTestCase

import pytest

from tests.search.engine import running_in_ci

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "build" / "screenshots"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]


def unavailable(reason):
    if running_in_ci():
        pytest.fail(f"CI needs Chromium for the browser tests: {reason}", pytrace=False)
    pytest.skip(f"no browser: {reason}")


def start_chromium():
    """A headless Chromium driven by the system's chromedriver (never a downloaded one)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    browser, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not browser or not driver:
        unavailable("install Debian's chromium and chromium-driver packages")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=en"):
        options.add_argument(argument)
    options.add_argument("--window-size=1280,900")
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def axe_violations(driver):
    """axe-core's violations on the page loaded in the driver, as short readable lines."""
    if not AXE_SCRIPT.exists():
        unavailable(f"{AXE_SCRIPT.relative_to(ROOT)} is missing: run `npm ci`")
    driver.execute_script(AXE_SCRIPT.read_text())
    options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}})
    result = driver.execute_async_script(
        f"const done = arguments[arguments.length - 1];"
        f"axe.run(document, {options}).then(done, (error) => done({{error: String(error)}}));"
    )
    if "error" in result:
        raise AssertionError(f"axe-core failed: {result['error']}")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in violation["nodes"][:5])
        for violation in result["violations"]
    ]


class BrowserTestCase(StaticLiveServerTestCase):
    """Pages of the demo knowledge base in a real Chromium; one browser per class."""

    port = int(os.environ.get("BROWSER_TEST_PORT", "0"))

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        try:
            cls.driver = start_chromium()
        except BaseException:
            super().tearDownClass()
            raise
        cls.driver.set_script_timeout(30)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        super().tearDownClass()

    def _fixture_teardown(self):
        """Keep the demo content for the next test; the package's fixture empties the database."""

    def open(self, path):
        self.driver.get(self.live_server_url + path)
        return self.driver

    def emulate_screen(self, width, height):
        """A phone-sized (or desktop-sized) viewport, as a device of that size shows it."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
        )

    def set_javascript(self, enabled):
        self.driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": not enabled})
