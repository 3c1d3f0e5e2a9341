"""What an anonymous reader may see in one language, as files.

Pages are the reader-visible pages of the language (``knowledgebase.visibility``),
each with the addresses it lists in the sitemap (a topic index lists every topic's
page), and the glossary. Each is asked for through the site's own URLs and templates
with Django's test client, as a reader without cookies, so the copy is exactly what
the site shows readers. Its links are then rewritten (``archive.links``), and the
files they load — static files, images in their rendition sizes, downloads — are
copied along; pages of a listing (``?page=2``) are fetched as their links are found.

Paths are relative to the export's root and start with the language
(``en/guides/x/index.html``); the site's own files go under ``<lang>/_files/``.
"""

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.test import Client
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

from wagtail.models import Locale, Page, Site

from archive.links import PageRewriter
from knowledgebase.content_types import CONTENT_TYPES
from knowledgebase.visibility import visible

FILES_DIR = "_files"
PAGE_NUMBER = re.compile(r"page=(\d+)")
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


class ExportError(Exception):
    """The site did not give a page the export needs."""


@dataclass
class ExportedFile:
    path: str  # relative to the export's root: "en/guides/x/index.html"
    content: bytes
    title: str = ""  # pages only
    kind: str = ""  # the content type key of an item's page ("guide"), else ""


@dataclass(frozen=True)
class Address:
    language: str
    kind: str = ""


def default_site():
    return Site.objects.select_related("root_page").get(is_default_site=True)


def reader_languages():
    """The codes of the languages whose home page readers may see, in the site's order."""
    homes = default_site().root_page.get_translations(inclusive=True)
    codes = set(visible(homes).values_list("locale__language_code", flat=True))
    return [code for code, _name in settings.LANGUAGES if code in codes]


def page_file(url):
    """The file of a page: ``/en/guides/x/`` → ``en/guides/x/index.html``."""
    path = url.strip("/")
    return f"{path}/index.html" if path else "index.html"


def numbered_page_file(url, number):
    """The file of a listing's further page: ``/en/guides/?page=2`` → ``en/guides/page-2.html``."""
    return (
        page_file(url)
        if number == 1
        else page_file(url).replace("index.html", f"page-{number}.html")
    )


def reader_addresses(language):
    """{address: Address} of every page a reader may see in the language."""
    kinds = {content_type.model: content_type.key for content_type in CONTENT_TYPES}
    home = default_site().root_page.get_translation(Locale.objects.get(language_code=language))
    pages = visible(Page.objects.filter(path__startswith=home.path, locale=home.locale))
    addresses = {}
    with translation.override(language):
        for page in pages.order_by("path").specific(defer=True):
            for entry in page.get_sitemap_urls():
                address = Address(language, kinds.get(page.specific_class, ""))
                addresses[urlsplit(entry["location"]).path] = address
        for name in settings.ARCHIVE_READER_PAGES:
            addresses[reverse(name)] = Address(language)
    return addresses


class AnonymousReader:
    """The site as a reader without cookies sees it, through its URLs and templates."""

    def __init__(self):
        site = default_site()
        self.client = Client(HTTP_HOST=site.hostname)
        self.hosts = set(Site.objects.values_list("hostname", flat=True)) | {"testserver"}

    def get(self, url):
        self.client.cookies.clear()
        return self.client.get(url, secure=True)

    def page(self, url):
        response = self.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            raise ExportError(f"{url} answered {response.status_code}, not a page")
        return response.content.decode(response.charset or "utf-8")

    def file(self, url):
        """The content of one of the site's files (static, media, document), or None."""
        if url.startswith(settings.STATIC_URL):
            return static_file(url.removeprefix(settings.STATIC_URL))
        if url.startswith(settings.MEDIA_URL):
            return stored_file(default_storage, url.removeprefix(settings.MEDIA_URL))
        if is_document(url):  # through Wagtail's view, which checks the document's privacy
            # Reading a streamed answer to its end closes it, as the test client does it:
            # closing it again would end the database connection of a running transaction.
            response = self.get(url)
            return b"".join(response) if response.status_code == 200 else None
        return None


def static_file(name):
    if content := stored_file(staticfiles_storage, name):
        return content
    found = finders.find(name)
    return Path(found).read_bytes() if found else None


def stored_file(storage, name):
    if not storage.exists(name):
        return None
    with storage.open(name) as stored:
        return stored.read()


def is_document(url):
    try:
        return resolve(url).url_name == "wagtaildocs_serve"
    except Resolver404:
        return False


class LanguageCopy:
    """One language's pages and files, with links among everything the export holds.

    ``addresses`` holds the pages of every language exported (links between them are
    kept); ``extra`` maps more addresses to files the caller writes itself (the
    archive's search page)."""

    def __init__(self, language, addresses, reader, *, extra=None, progress=print):
        self.language = language
        self.addresses = addresses
        self.extra = extra or {}
        self.reader = reader
        self.progress = progress
        self.queue = [url for url, address in addresses.items() if address.language == language]
        self.queued = set(self.queue)
        self.files = {}  # path → bytes, the site's files the pages load
        with translation.override(language):
            self.form_note = render_to_string("archive/form_needs_live_site.html")

    def pages(self):
        """The language's pages, rewritten, as they are rendered."""
        done = 0
        while done < len(self.queue):
            url = self.queue[done]
            done += 1
            html = self.reader.page(url)
            address = self.addresses[urlsplit(url).path]
            yield ExportedFile(
                path=self.resolve(url),
                content=self.rewrite(html, url).encode(),
                title=page_title(html),
                kind=address.kind if "?" not in url else "",
            )
            if done % 25 == 0 or done == len(self.queue):
                self.progress(f"{self.language}: {done}/{len(self.queue)} pages")

    def site_files(self):
        """The files the pages load; complete once every page has been rendered."""
        return [ExportedFile(path, content) for path, content in sorted(self.files.items())]

    def rewrite(self, html, url):
        rewriter = PageRewriter(
            page_url=url,
            file_path=self.resolve(url),
            resolve=self.resolve,
            site_hosts=self.reader.hosts,
            form_note=self.form_note,
        )
        return rewriter.rewrite(html)

    def resolve(self, url):
        """The file that holds a site address in the export, or None."""
        path, _mark, query = url.partition("?")
        if path in self.extra and not query:
            return self.extra[path]
        if path in self.addresses:
            return self.listing_page(path, query)
        return None if query else self.site_file(path)

    def listing_page(self, path, query):
        if not query:
            return page_file(path)
        number = PAGE_NUMBER.fullmatch(query)
        if not number or int(number[1]) < 1 or self.addresses[path].language != self.language:
            return None
        url = f"{path}?page={int(number[1])}"
        if int(number[1]) > 1 and url not in self.queued:
            self.queued.add(url)
            self.queue.append(url)
        return numbered_page_file(path, int(number[1]))

    def site_file(self, url):
        path = f"{self.language}/{FILES_DIR}{url}"
        if path not in self.files:
            content = self.reader.file(url)
            if content is None:
                return None
            self.files[path] = content
        return path


def page_title(html):
    """The page's title without the site's name."""
    found = TITLE.search(html)
    return unescape(found[1]).rsplit(" · ", 1)[0].strip() if found else ""
