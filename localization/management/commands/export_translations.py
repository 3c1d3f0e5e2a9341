from django.core.management.base import BaseCommand
from django.db import transaction

from localization.management.locales import target_locale
from localization.po_files import export_translations, start_missing_translations


class Command(BaseCommand):
    help = (
        "Export one PO file per page or snippet being translated into a locale, for "
        "translators who work offline; send the edited files back with import_translations. "
        "Sources are first updated from the database, so the files hold the current text. "
        "By default only items already submitted for translation into the locale are "
        "exported; with --all, every live page and snippet that has no translation there yet "
        "(an alias page counts as none) is submitted and exported too. Translations made "
        "without wagtail-localize's sync are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale", required=True, help="language code to translate into, e.g. kl"
        )
        parser.add_argument(
            "--out", help="directory for the PO files (default: ./translations-<locale>)"
        )
        parser.add_argument(
            "--all",
            action="store_true",
            dest="include_all",
            help="also submit and export every page and snippet not yet translated",
        )
        parser.add_argument(
            "--missing-only",
            action="store_true",
            help="only strings with no translation yet; files with none are not written",
        )

    @transaction.atomic
    def handle(self, *args, **options):
        locale = target_locale(options["locale"])
        language = f"{locale.get_display_name()} ({locale.language_code})"
        out_dir = options["out"] or f"translations-{locale.language_code}"

        if options["include_all"]:
            started = start_missing_translations(locale)
            self.stdout.write(
                f"Submitted {started} pages and snippets for translation into {language}."
            )

        files = export_translations(
            locale, out_dir, missing_only=options["missing_only"], warn=self.stderr.write
        )
        for exported in files:
            self.stdout.write(
                f"  {exported.path.name}: {exported.strings} strings, "
                f"{exported.untranslated} untranslated"
            )
        if not files:
            hint = "" if options["include_all"] else " Use --all to include untranslated items."
            self.stdout.write(f"Nothing to export for {language}.{hint}")
            return
        strings = sum(exported.strings for exported in files)
        untranslated = sum(exported.untranslated for exported in files)
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {len(files)} files to {out_dir}/ for {language}: "
                f"{strings} strings, {untranslated} untranslated."
            )
        )
