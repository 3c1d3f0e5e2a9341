"""The offline ZIM: it opens with libzim's reader, has the library's metadata and
full-text search, holds no hidden item and fits the size budget."""

from django.core.management import CommandError, call_command

import pytest
from libzim.reader import Archive
from libzim.search import Query, Searcher

from tests.archive.conftest import DRAFT_WORD, RESTRICTED_WORD

pytestmark = pytest.mark.django_db  # the export reads the demo the package builds


def search(archive, words):
    found = Searcher(archive).search(Query().set_query(words))
    return list(found.getResults(0, 20))


def test_it_opens_with_its_main_page_and_metadata(exported):
    archive = Archive(exported.zim)
    assert archive.check()
    assert archive.main_entry.get_item().path == "index.html"
    metadata = {key: archive.get_metadata(key) for key in archive.metadata_keys}
    assert metadata["Language"] == b"eng"
    assert metadata["Title"] == b"Polar Knowledge Base"
    for key in ("Creator", "Publisher", "Date", "Description", "Name"):
        assert metadata[key], key
    assert len(metadata["Description"]) <= 80
    assert archive.has_illustration(48)
    assert archive.get_illustration_item(48).content.tobytes().startswith(b"\x89PNG")


def test_full_text_search_finds_a_guide_by_a_word_of_its_body(exported):
    archive = Archive(exported.zim)
    assert archive.has_fulltext_index and archive.has_title_index
    assert search(archive, "crampons") == ["guides/glacier-travel-roped-teams/index.html"]
    entry = archive.get_entry_by_path("guides/glacier-travel-roped-teams/index.html")
    assert entry.title == "Glacier travel and crevasse rescue for science teams"


def test_pages_images_and_links_inside(exported):
    archive = Archive(exported.zim)
    page = bytes(
        archive.get_entry_by_path("guides/loading-a-nansen-sledge/index.html").get_item().content
    ).decode()
    assert 'src="../../_files/media/images/' in page
    assert '<form class="site-search"' not in page  # Kiwix searches; the site's box is left out
    assert archive.get_entry_by_path("glossary/index.html")


def test_no_restricted_draft_or_withheld_item(exported):
    archive = Archive(exported.zim)
    for words in (RESTRICTED_WORD, DRAFT_WORD, "Tindrevik", "Skuaholm"):
        assert search(archive, words) == [], words
    for slug in exported.hidden:
        assert not archive.has_entry_by_path(f"guides/{slug}/index.html")
    for title in exported.hidden:
        assert not archive.has_entry_by_title(title)


def test_the_demo_fits_the_size_budget(exported):
    assert exported.zim.stat().st_size < 10_000_000


def test_an_existing_file_is_kept_unless_forced(exported, tmp_path):
    existing = tmp_path / "kb.zim"
    existing.write_text("mine")
    with pytest.raises(CommandError, match="exists"):
        call_command("export_zim", "--language", "en", "--out", str(existing))
    with pytest.raises(CommandError, match="Unknown language"):
        call_command("export_zim", "--language", "xx", "--out", str(tmp_path / "x.zim"))
    assert existing.read_text() == "mine"
