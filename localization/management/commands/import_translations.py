from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from localization.po_files import POFileError, check_files, import_files


class Command(BaseCommand):
    help = (
        "Import translated PO files (from export_translations or the translation editor) "
        "and publish the translated pages and snippets. Every file is checked first; if any "
        "is malformed or does not match its translation, nothing is imported. Fuzzy entries "
        "are skipped. A directory stands for the .po files in it."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE", help="PO files or directories")

    def handle(self, *args, **options):
        paths = expand(options["files"])
        self.stdout.write(f"Checking {len(paths)} files…")
        try:
            checked = check_files(paths)
        except POFileError as error:
            message = f"Nothing was imported. Fix these files and try again:\n{error}"
            raise CommandError(message) from error
        try:
            results = import_files(checked, on_imported=self.report)
        except ValidationError as error:
            message = f"Nothing was imported: a translation could not be saved: {error}"
            raise CommandError(message) from error
        self.summarise(results)

    def report(self, index, total, result):
        fuzzy = f", {result.fuzzy_skipped} fuzzy skipped" if result.fuzzy_skipped else ""
        self.stdout.write(
            f"[{index}/{total}] {result.path.name} → {result.title} ({result.locale}): "
            f"{result.added} added, {result.changed} changed, {result.unchanged} unchanged"
            f"{fuzzy}; {result.object_type} {result.target}"
        )

    def summarise(self, results):
        added = sum(result.added for result in results)
        changed = sum(result.changed for result in results)
        updated = sum(result.target != "unchanged" for result in results)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(results)} files: {added} strings added, {changed} changed; "
                f"{updated} pages or snippets published."
            )
        )


def expand(arguments):
    """The files named, with each directory replaced by the .po files in it."""
    paths = []
    for argument in map(Path, arguments):
        paths.extend(sorted(argument.glob("*.po")) if argument.is_dir() else [argument])
    return paths
