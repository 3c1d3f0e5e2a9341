from django.core.management.base import BaseCommand

from localization.copies import describe, missing_copies, repair_missing_copies


class Command(BaseCommand):
    help = (
        "Give every page its copy (alias) in each language tree synchronised from its own, "
        "where it lacks one. --dry-run only lists them."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List, change nothing.")

    def handle(self, *args, dry_run=False, **options):
        missing = missing_copies()
        if not missing:
            self.stdout.write("Every page has its copy in every language.")
            return
        self.stdout.write(f"{len(missing)} pages lack copies:")
        for line in describe(missing, limit=len(missing)):
            self.stdout.write(f"  {line}")
        if dry_run:
            self.stdout.write("Dry run: nothing created.")
            return
        made = repair_missing_copies(progress=lambda message: self.stdout.write(message))
        self.stdout.write(self.style.SUCCESS(f"Created {made} copies."))
