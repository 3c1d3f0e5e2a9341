from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.checks import checked_languages
from archive.collect import ExportError
from archive.zim import ISO_639_3, write_zim


class Command(BaseCommand):
    help = (
        "Write one language of the knowledge base as a ZIM file for Kiwix (offline readers): "
        "every page readers may see, its images, a main page, title and full-text indexes "
        "and the library's metadata."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", required=True, metavar="LANG", help="e.g. en or kl")
        parser.add_argument("--out", required=True, metavar="FILE.zim", help="the file to write")
        parser.add_argument("--force", action="store_true", help="replace an existing file")
        parser.add_argument("--creator", default="EU Polar Cluster", help="who made the content")
        parser.add_argument("--publisher", default="EU Polar Cluster", help="who made the file")

    def handle(self, *args, **options):
        [language] = checked_languages([options["language"]])
        if language not in ISO_639_3:
            raise CommandError(f"No ISO 639-3 code is known for {language}.")
        out = Path(options["out"])
        if out.is_dir() or not out.parent.is_dir():
            raise CommandError(f"{out} must be a file in an existing directory.")
        if out.exists() and not options["force"]:
            raise CommandError(f"{out} exists: choose another name, or --force to replace it.")
        out.unlink(missing_ok=True)
        try:
            write_zim(
                out,
                language,
                creator_name=options["creator"],
                publisher=options["publisher"],
                progress=self.stdout.write,
            )
        except ExportError as error:
            out.unlink(missing_ok=True)
            raise CommandError(str(error)) from error
        size = out.stat().st_size / 1_000_000
        self.stdout.write(self.style.SUCCESS(f"{out} written ({size:.1f} MB)."))
