import shutil
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from archive.checks import checked_languages
from archive.collect import ExportError
from archive.static_archive import MANIFEST, write_archive


class Command(BaseCommand):
    help = (
        "Write a static copy of everything anonymous readers may see, per language, with "
        "relative links only (it opens from disk and from any static host), a search page "
        "with Pagefind, and manifest.json (every file's size and SHA-256). --bagit makes the "
        "directory a BagIt bag for deposit in a repository."
    )

    def add_arguments(self, parser):
        parser.add_argument("--out", required=True, help="directory to write (new or empty)")
        parser.add_argument(
            "--language",
            action="append",
            dest="languages",
            metavar="LANG",
            help="a language to export (repeat for more; default: every language)",
        )
        parser.add_argument("--bagit", action="store_true", help="make the export a BagIt bag")
        parser.add_argument(
            "--force", action="store_true", help="replace a previous export in --out"
        )

    def handle(self, *args, **options):
        languages = checked_languages(options["languages"])
        out = Path(options["out"])
        prepare_directory(out, force=options["force"])
        self.stdout.write(f"Exporting {', '.join(languages)} to {out}/")
        try:
            write_archive(out, languages, bag=options["bagit"], progress=self.stdout.write)
        except ExportError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Archive written to {out}/"))


def prepare_directory(out, *, force):
    """An empty directory to write into; --force empties one that holds a previous export
    (and nothing else is ever deleted)."""
    if out.exists() and not out.is_dir():
        raise CommandError(f"{out} is a file, not a directory.")
    if not out.exists() or not any(out.iterdir()):
        out.mkdir(parents=True, exist_ok=True)
        return
    if not force:
        raise CommandError(
            f"{out} is not empty: choose a new directory, or --force to replace a previous export."
        )
    if not ((out / MANIFEST).exists() or (out / "bagit.txt").exists()):
        raise CommandError(
            f"{out} does not hold a previous export: --force replaces only an export."
        )
    shutil.rmtree(out)
    out.mkdir()
