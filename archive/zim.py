"""The offline ZIM: one language of the knowledge base for Kiwix (desktop, Android, iOS).

The same pages and files as the static archive's language folder (``archive.collect``),
with the home page as main page; Kiwix's own title and full-text indexes replace the
archive's search page, so the site's search box is left out.
"""

import io
import mimetypes
from datetime import date

from django.utils import translation
from django.utils.translation import gettext

from libzim.writer import Creator, Hint, Item, StringProvider
from PIL import Image, ImageDraw

from archive.collect import AnonymousReader, LanguageCopy, reader_addresses

# The site's language codes (ISO 639-1) as ZIM metadata names them (ISO 639-3).
ISO_639_3 = {
    "en": "eng", "fr": "fra", "de": "deu", "nb": "nob", "sv": "swe", "fi": "fin",
    "da": "dan", "is": "isl", "kl": "kal", "se": "sme", "iu": "iku",
}  # fmt: skip
MAIN_PAGE = "index.html"
MIMETYPES = {".webp": "image/webp", ".svg": "image/svg+xml", ".js": "text/javascript"}


class ZimItem(Item):
    def __init__(self, path, content, *, title="", front=False):
        super().__init__()
        self.path, self.content, self.title, self.front = path, content, title, front

    def get_path(self):
        return self.path

    def get_title(self):
        return self.title

    def get_mimetype(self):
        extension = "." + self.path.rpartition(".")[2].lower()
        return (
            MIMETYPES.get(extension)
            or mimetypes.guess_type(self.path)[0]
            or "application/octet-stream"
        )

    def get_contentprovider(self):
        return StringProvider(self.content)

    def get_hints(self):
        return {Hint.FRONT_ARTICLE: self.front}


def write_zim(out, language, *, creator_name, publisher, progress=print):
    reader = AnonymousReader()
    copy = LanguageCopy(language, reader_addresses(language), reader, progress=progress)
    folder = f"{language}/"
    with Creator(out).config_verbose(False).config_indexing(True, ISO_639_3[language]) as creator:
        creator.set_mainpath(MAIN_PAGE)
        for page in copy.pages():
            path = page.path.removeprefix(folder)
            creator.add_item(ZimItem(path, page.content, title=page.title, front=True))
        for site_file in copy.site_files():
            creator.add_item(ZimItem(site_file.path.removeprefix(folder), site_file.content))
        for name, value in metadata(language, creator_name, publisher).items():
            creator.add_metadata(name, value)
        creator.add_illustration(48, illustration_png(48))
        progress(f"{language}: writing {out}")


def metadata(language, creator_name, publisher):
    with translation.override(language):
        return {
            "Name": f"polar-knowledge-base_{language}",
            # Translators: Readers see this in offline reader apps (Kiwix) as the title of the
            # offline copy; at most 30 characters are kept.
            "Title": gettext("Polar Knowledge Base")[:30],
            "Language": ISO_639_3[language],
            "Creator": creator_name,
            "Publisher": publisher,
            "Date": date.today().isoformat(),
            "Description": gettext(
                # Translators: Readers see this in offline reader apps (Kiwix) as the short
                # description of the copy; at most 80 characters are kept.
                "Best practices, lessons learned and legacy outputs of polar research."
            )[:80],
            "LongDescription": gettext(
                # Translators: Readers see this in offline reader apps (Kiwix) as the long
                # description of the offline copy of the site.
                "The knowledge base of the EU Polar Cluster: best practices, lessons learned "
                "and legacy outputs of European polar research."
            ),
            "Tags": "_category:other;polar;arctic;antarctic",
        }


def illustration_png(size):
    """The site's mark (a snowflake in a circle, templates/components/mark.svg) as the
    square PNG Kiwix shows in its library."""
    scale = size / 32
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([scale, scale, 31 * scale, 31 * scale], fill="#e3f1f8")
    for line in ((16, 4.5, 16, 27.5), (6, 10.2, 26, 21.8), (6, 21.8, 26, 10.2)):
        draw.line([value * scale for value in line], fill="#0b5c8e", width=round(2.4 * scale))
    png = io.BytesIO()
    image.save(png, "PNG")
    return png.getvalue()
