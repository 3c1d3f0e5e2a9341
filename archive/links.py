"""Rewriting a rendered page so that it works as a file among files.

Every address of the site in ``href``, ``src``, ``srcset`` and ``action`` becomes a
relative link to the file that holds it in the export (``/en/guides/x/`` seen from
``en/guides/index.html`` is ``x/index.html``), so the copy opens from disk and from any
static host. What the export does not hold is taken out: a link to it loses its
address (its text stays), a form posting to it gives way to a note, a file that
would be loaded from it (or from another host) is left out, and an embedded
player becomes a link to it. Links to other sites in the content (DOIs, licences)
stay: readers follow them, nothing loads them.
"""

import posixpath
from html import escape
from html.parser import HTMLParser
from urllib.parse import quote, unquote, urljoin, urlsplit

URL_ATTRIBUTES = {"href", "src", "action", "poster", "data"}
LINK_ATTRIBUTES = {"href", "hreflang", "rel", "download", "target"}
NAVIGATION_TAGS = {"a", "area"}
KEPT_SCHEMES = {"mailto", "tel", "data"}


def relative_href(file_path, from_file):
    """The link from one exported file to another, both relative to the export's root."""
    return quote(posixpath.relpath(file_path, posixpath.dirname(from_file) or "."))


class PageRewriter(HTMLParser):
    """Rewrites one page. ``resolve(path_and_query)`` gives the exported file (relative to
    the export's root) of a site address, or None when the export does not hold it."""

    def __init__(self, *, page_url, file_path, resolve, site_hosts, form_note=""):
        super().__init__(convert_charrefs=False)
        self.page_url = page_url
        self.file_path = file_path
        self.resolve = resolve
        self.site_hosts = site_hosts
        self.form_note = form_note
        self.out = []
        self.skipping = None  # the tag whose content is left out, until it closes

    def rewrite(self, html):
        self.feed(html)
        self.close()
        return "".join(self.out)

    # Where an address leads: its new form (as written when it is kept), or None.

    def target(self, url):
        """An address on this site or relative to the page: the link to its exported file."""
        stripped = url.strip()
        if not stripped or stripped.startswith("#") or urlsplit(stripped).scheme in KEPT_SCHEMES:
            return url
        absolute = urlsplit(urljoin(self.page_url, stripped))
        path = unquote(absolute.path) + (f"?{absolute.query}" if absolute.query else "")
        file_path = self.resolve(path)
        if file_path is None:
            return None
        fragment = f"#{absolute.fragment}" if absolute.fragment else ""
        if file_path == self.file_path and fragment:
            return fragment
        return relative_href(file_path, self.file_path) + fragment

    def is_external(self, url):
        parts = urlsplit(url.strip())
        return bool(parts.netloc) and parts.hostname not in self.site_hosts

    def link_for(self, tag, url):
        """Links to other sites are followed by readers, never loaded by the page."""
        if self.is_external(url):
            return url if tag in NAVIGATION_TAGS else None
        return self.target(url)

    def rewrite_srcset(self, srcset):
        candidates = []
        for candidate in srcset.split(","):
            url, _space, descriptor = candidate.strip().partition(" ")
            if url and (link := self.link_for("img", url)):
                candidates.append(f"{link} {descriptor}".strip())
        return ", ".join(candidates) or None

    # Elements

    def handle_starttag(self, tag, attrs):
        if self.skipping:
            self.skipping[1] += tag == self.skipping[0]
            return
        self.out.append(self.rewritten_tag(tag, attrs, closed=False))

    def handle_startendtag(self, tag, attrs):
        if not self.skipping:
            self.out.append(self.rewritten_tag(tag, attrs, closed=True))

    def handle_endtag(self, tag):
        if self.skipping:
            if tag == self.skipping[0]:
                self.skipping[1] -= 1
                if not self.skipping[1]:
                    self.skipping = None
            return
        self.out.append(f"</{tag}>")

    def names_the_site(self, url):
        parts = urlsplit(url.strip())
        return bool(parts.netloc) and parts.hostname in self.site_hosts

    def rewritten_tag(self, tag, attrs, *, closed):
        # What describes the page to other sites (sharing cards, schema.org data) names
        # the live site's addresses: the copy leaves it out.
        if tag == "meta" and self.names_the_site(dict(attrs).get("content") or ""):
            return ""
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            return self.skip_element(tag, closed)
        if tag == "iframe":
            return self.skip_element(tag, closed, self.link_instead_of_player(dict(attrs)))
        if tag == "form":
            return self.rewritten_form(dict(attrs), closed)
        kept = []
        for name, value in attrs:
            if value is not None and name in URL_ATTRIBUTES | {"srcset"}:
                value = (
                    self.rewrite_srcset(value) if name == "srcset" else self.link_for(tag, value)
                )
                if value is None and tag in NAVIGATION_TAGS:  # the text stays, unlinked
                    unlinked = [(n, v) for n, v in attrs if n not in LINK_ATTRIBUTES]
                    return start_tag(tag, unlinked, closed)
                if value is None:
                    return self.skip_element(tag, closed)
            kept.append((name, value))
        return start_tag(tag, kept, closed)

    def rewritten_form(self, attributes, closed):
        """A search form leads to the export's search page; forms that send something to
        the site (feedback, contact) give way to a note."""
        posts = (attributes.get("method") or "get").lower() == "post"
        action = None if posts else self.link_for("form", attributes.get("action") or "")
        if action is None:
            return self.skip_element("form", closed, self.form_note if posts else "")
        return start_tag("form", {**attributes, "action": action}.items(), closed)

    def link_instead_of_player(self, attributes):
        url = attributes.get("src") or ""
        if not self.is_external(url):
            return ""
        label = attributes.get("title") or url
        return f'<a href="{escape(url)}">{escape(label)}</a>'

    def skip_element(self, tag, closed, replacement=""):
        if not closed and tag not in VOID_ELEMENTS:
            self.skipping = [tag, 1]
        return replacement

    # Everything else is copied as it was written.

    def handle_data(self, data):
        if not self.skipping:
            self.out.append(data)

    def handle_entityref(self, name):
        self.handle_data(f"&{name};")

    def handle_charref(self, name):
        self.handle_data(f"&#{name};")

    def handle_comment(self, data):
        self.handle_data(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.handle_data(f"<!{decl}>")

    def handle_pi(self, data):
        self.handle_data(f"<?{data}>")

    def unknown_decl(self, data):
        self.handle_data(f"<![{data}]>")


VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip


def start_tag(tag, attributes, closed):
    text = "".join(
        f" {name}" if value is None else f' {name}="{escape(value)}"' for name, value in attributes
    )
    return f"<{tag}{text}{' /' if closed else ''}>"
