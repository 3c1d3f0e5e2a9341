"""The static archive: per language, every page readers may see, as files.

``<out>/<lang>/`` holds the pages (``index.html`` is the home page), the files they
load under ``_files/``, a search page (``search/index.html``) and Pagefind's index
(``pagefind/``); ``<out>/manifest.json`` lists every file with its size and SHA-256.
With ``bag=True`` the directory becomes a BagIt bag (the export under ``data/``).
"""

import hashlib
import json
import re
import subprocess
import sys
import tomllib
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

import bagit

from archive.collect import (
    AnonymousReader,
    ExportError,
    LanguageCopy,
    page_file,
    reader_addresses,
)
from knowledgebase.content_types import CONTENT_TYPES

PAGEFIND_DIR = "pagefind"
MANIFEST = "manifest.json"
MAIN = re.compile(r"(<main\b[^>]*>).*(</main>)", re.S)
TITLE = re.compile(r"<title>.*?</title>", re.S)


def write_archive(out, languages, *, bag=False, progress=print):
    out = Path(out)
    reader = AnonymousReader()
    addresses = {}
    for language in languages:
        addresses.update(reader_addresses(language))
    for language in languages:
        write_language(out, language, addresses, reader, progress)
    write_manifest(out, languages)
    progress(f"{MANIFEST} written")
    if bag:
        bagit.make_bag(
            str(out),
            {"Source-Organization": "EU Polar Cluster", "External-Description": description()},
            checksums=["sha256", "sha512"],
        )
        progress("BagIt bag made")


def write_language(out, language, addresses, reader, progress):
    with translation.override(language):
        search_url = reverse("search")
    bundle = {f"/{language}/{PAGEFIND_DIR}/{name}": f"{language}/{PAGEFIND_DIR}/{name}"
              for name in ("pagefind-ui.js", "pagefind-ui.css")}  # fmt: skip
    copy = LanguageCopy(
        language,
        addresses,
        reader,
        extra={search_url: page_file(search_url), **bundle},
        progress=progress,
    )
    items = []
    for page in copy.pages():
        if page.kind:  # guides, lessons, outputs and members are what search finds
            page.content = page.content.replace(b"<main ", b"<main data-pagefind-body ", 1)
            items.append(page)
        write_file(out, page.path, page.content)
    index_for_search(out / language)
    progress(f"{language}: search index written")
    home = reader.page(f"/{language}/")
    search_page = copy.rewrite(search_page_html(home, language, items, bundle), search_url)
    write_file(out, page_file(search_url), search_page.encode())
    for site_file in copy.site_files():
        write_file(out, site_file.path, site_file.content)


def write_file(out, path, content):
    target = out / path
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)


def index_for_search(language_dir):
    command = [sys.executable, "-m", "pagefind_bin", "--site", str(language_dir)]
    command += ["--output-subdir", PAGEFIND_DIR, "--keep-index-url", "--quiet"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode:
        raise ExportError(f"Pagefind failed on {language_dir}: {result.stderr or result.stdout}")


# Shown by archive/search.js where the browser refuses to search a page opened from disk.
FROM_DISK_NOTICE = gettext_lazy(
    # Translators: Readers see this on the offline copy's search page when the browser blocks
    # searching a page opened from disk.
    "Opened from disk, some browsers do not let this page search. The list below holds "
    "everything in the archive; served by any web server (for example python3 -m "
    "http.server in the archive's folder), search works."
)


def search_page_html(home, language, items, bundle):
    """The home page's frame around a search box and the list of every item."""
    with translation.override(language):
        content = render_to_string(
            "archive/search.html",
            {
                "groups": item_groups(items, language),
                "pagefind_css": next(url for url in bundle if url.endswith(".css")),
                "pagefind_js": next(url for url in bundle if url.endswith(".js")),
                "search_js": static("archive/search.js"),
                "from_disk_notice": FROM_DISK_NOTICE,
            },
        )
        title = f"<title>{gettext('Search')} · {gettext('Polar Knowledge Base')}</title>"
    html = MAIN.sub(lambda match: match[1] + content + match[2], home, count=1)
    return TITLE.sub(lambda _match: title, html, count=1)


def item_groups(items, language):
    """(section label, items sorted by title) per content type, for readers without
    JavaScript; each item's ``url`` is its address on the site."""
    groups = []
    for content_type in CONTENT_TYPES:
        found = [item for item in items if item.kind == content_type.key]
        entries = [
            {"title": item.title, "url": "/" + item.path.removesuffix("index.html")}
            for item in sorted(found, key=lambda item: item.title.casefold())
        ]
        if entries:
            groups.append((content_type.label, entries))
    return groups


def write_manifest(out, languages):
    files = []
    for path in sorted(p for p in out.rglob("*") if p.is_file()):
        content = path.read_bytes()
        files.append(
            {
                "path": path.relative_to(out).as_posix(),
                "size": len(content),
                "sha256": hashlib.sha256(content).hexdigest(),
            }
        )
    manifest = {
        "title": "Polar Knowledge Base",
        "description": description(),
        "created": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "code_version": code_version(),
        "languages": languages,
        "files": files,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False))


def description():
    return "A static copy of the Polar Knowledge Base of the EU Polar Cluster, as readers see it."


def code_version():
    """``git describe`` of the code that made the export, else the project's version."""
    try:
        result = subprocess.run(
            ["git", "describe", "--always", "--dirty", "--tags"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
        )
    except OSError:
        result = None
    if result and result.returncode == 0:
        return result.stdout.strip()
    pyproject = tomllib.loads((Path(settings.BASE_DIR) / "pyproject.toml").read_text())
    return pyproject["project"]["version"]
