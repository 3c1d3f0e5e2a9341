"""The static archive: complete, private by default, searchable, and ready for deposit."""

import functools
import http.server
import json
import re
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.core.management import CommandError, call_command

import bagit
import lxml.html
import pytest

from tests.archive.conftest import DRAFT_WORD, RESTRICTED_WORD

URL_ATTRIBUTES = ("href", "src", "srcset", "action")


pytestmark = pytest.mark.django_db  # the export reads the demo the package builds


def addresses(element):
    for attribute in URL_ATTRIBUTES:
        value = element.get(attribute)
        if value is None:
            continue
        if attribute == "srcset":
            yield from (candidate.split()[0] for candidate in value.split(",") if candidate.strip())
        else:
            yield value


def html_files(root):
    return sorted(root.rglob("*.html"))


def test_every_link_and_source_resolves_to_a_file_of_the_export(exported):
    broken, checked = [], 0
    for page in html_files(exported.files):
        for element in lxml.html.parse(page).getroot().iter():
            for address in addresses(element):
                parts = urlsplit(address)
                if parts.scheme or parts.netloc or not parts.path:
                    continue  # another site (a DOI, a licence), mailto:, or #fragment
                checked += 1
                if not (page.parent / unquote(parts.path)).resolve().is_file():
                    broken.append(f"{page.relative_to(exported.files)}: {address}")
    assert checked > 5000
    assert broken == []


def test_nothing_loads_from_the_site_or_from_elsewhere(exported):
    for page in html_files(exported.files):
        html = page.read_text()
        assert "//localhost" not in html and "//testserver" not in html, page
        for element in lxml.html.fromstring(html).iter("img", "script", "link", "iframe"):
            for address in addresses(element):
                assert not urlsplit(address).netloc, f"{page}: {address}"


def test_both_languages_with_their_pages_glossary_and_search_page(exported):
    for path in (
        "en/index.html",
        "en/guides/sea-ice-travel-safety/index.html",
        "en/glossary/index.html",
        "en/topics/fieldwork-safety/index.html",
        "en/search/index.html",
        "en/pagefind/pagefind-ui.js",
        "kl/index.html",
        "kl/glossary/index.html",
    ):
        assert (exported.files / path).is_file(), path
    kl_home = (exported.files / "kl/index.html").read_text()
    assert '<html lang="kl"' in kl_home
    for language in ("en", "kl"):  # progress, up to every page
        assert re.search(rf"^{language}: (\d+)/\1 pages$", exported.archive_log, re.M)


def test_images_in_their_rendition_size_and_downloads_are_copied(exported):
    page = exported.files / "en/guides/loading-a-nansen-sledge/index.html"
    tree = lxml.html.parse(page).getroot()
    [image] = tree.iter("img")
    assert image.get("alt") == "A loaded sledge"
    assert image.get("src").endswith(".webp") and "max-960x720" in image.get("src")
    [download] = [a for a in tree.iter("a") if a.text == "The packing list"]
    assert (page.parent / download.get("href")).read_bytes() == b"stove, fuel, tent\n"


def test_forms_that_need_the_site_give_way_to_a_note(exported):
    html = (exported.files / "en/guides/sea-ice-travel-safety/index.html").read_text()
    tree = lxml.html.fromstring(html)
    assert [form.get("action") for form in tree.iter("form")] == ["../../search/index.html"]
    assert "This form works only on the live site" in html
    footer_links = [a.get("href") for a in tree.find_class("site-footer")[0].iter("a")]
    # The feed and the contact form need the site.
    kept = ["../../glossary/index.html", "../../network/index.html", "../../numbers/index.html"]
    assert footer_links == [*kept, None, None]


def test_no_restricted_draft_or_withheld_item_anywhere(exported):
    texts = [
        (path, path.read_bytes().decode(errors="replace"))
        for path in exported.archive.rglob("*")
        if path.is_file() and path.suffix != ".pf_fragment"
    ]
    assert len(texts) > 200
    for hidden in exported.hidden:
        leaks = [str(path) for path, text in texts if hidden.lower() in text.lower()]
        assert leaks == [], hidden


def test_search_page_lists_every_item_for_readers_without_javascript(exported):
    tree = lxml.html.parse(exported.files / "en/search/index.html").getroot()
    listed = {a.get("href") for a in tree.find_class("archive-items")[0].getparent().iter("a")}
    assert "../guides/sea-ice-travel-safety/index.html" in listed
    assert "../outputs/logger-file-rescue-scripts/index.html" in listed
    entry = json.loads((exported.files / "en/pagefind/pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == len(listed)


def test_manifest_lists_every_file_with_size_and_checksum(exported):
    manifest = json.loads((exported.files / "manifest.json").read_text())
    assert manifest["created"].endswith("Z") and manifest["code_version"]
    assert manifest["languages"] == ["en", "kl"]
    listed = {entry["path"]: entry for entry in manifest["files"]}
    on_disk = {
        path.relative_to(exported.files).as_posix()
        for path in exported.files.rglob("*")
        if path.is_file() and path.name != "manifest.json"
    }
    assert set(listed) == on_disk
    css = listed["en/pagefind/pagefind-ui.css"]
    assert css["size"] == (exported.files / "en/pagefind/pagefind-ui.css").stat().st_size
    assert len(css["sha256"]) == 64


def test_the_bag_validates(exported):
    bag = bagit.Bag(str(exported.archive))
    bag.validate()
    assert set(bag.algorithms) == {"sha256", "sha512"}


class StaticHost:
    """The export served as plain files, as any static host (or a reader's
    python3 -m http.server) serves it."""

    def __init__(self, root):
        handler = functools.partial(QuietHandler, directory=str(root))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.mark.browser
def test_pagefind_finds_a_guide_by_a_word_of_its_body_in_chromium(exported):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from tests.browser.browser import start_chromium

    host, driver = StaticHost(exported.files), start_chromium()
    try:

        def search(language, words):
            driver.get(f"{host.url}/{language}/search/index.html?q={words}")
            WebDriverWait(driver, 20).until(
                lambda driver: (
                    driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__message")
                    and not driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__loading")
                )
            )
            return [
                urlsplit(link.get_attribute("href")).path
                for link in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result-link")
            ]

        # "crampons" is only in the body's checklist of the glacier travel guide.
        assert search("en", "crampons") == ["/en/guides/glacier-travel-roped-teams/index.html"]
        assert "/kl/ilitsersuutit/glacier-travel-roped-teams/index.html" in search("kl", "crampons")
        assert search("en", RESTRICTED_WORD) == []
        assert search("en", DRAFT_WORD) == []

        driver.get((Path(exported.files) / "en/search/index.html").as_uri())
        assert driver.find_element(By.ID, "archive-search-from-disk").is_displayed()
    finally:
        driver.quit()
        host.stop()


def test_unknown_language_names_the_valid_ones(exported, tmp_path):
    with pytest.raises(CommandError, match=r"Unknown language xx: choose from en, .*kl"):
        call_command("export_archive", "--out", str(tmp_path / "a"), "--language", "xx")


def test_a_directory_in_use_is_never_overwritten(exported, tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(CommandError, match="not empty"):
        call_command("export_archive", "--out", str(tmp_path), "--language", "en")
    with pytest.raises(CommandError, match="does not hold a previous export"):
        call_command("export_archive", "--out", str(tmp_path), "--language", "en", "--force")
    assert (tmp_path / "notes.txt").read_text() == "mine"


def test_a_member_page_names_only_the_contacts_who_agreed_to_be_listed(exported):
    html = (exported.files / "en/members/svalbard-field-safety-network/index.html").read_text()

    assert "Demo contact (fictional)" in html and "field-safety@example.org" in html
    assert "Station safety officer" in html  # the role, without the person
    assert "Tindrevik" not in html
