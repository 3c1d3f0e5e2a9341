"""Build the query-translation tables and compound word lists under var/dictionaries/."""

from django.core.management import BaseCommand

from search import bilingual


class Command(BaseCommand):
    help = (
        "Read the installed FreeDict dictionaries and hunspell word lists into the tables "
        "query translation and decompounding use (var/dictionaries/)."
    )

    def handle(self, *args, **options):
        written = bilingual.build(progress=self.stderr.write)
        if not written:
            self.stdout.write(
                "No FreeDict dictionaries installed (dict-freedict-*): nothing built; "
                "search bridges languages through the glossary only."
            )
            return
        for name, count in written.items():
            self.stdout.write(f"{name}: {count} entries")
        self.stdout.write(f"Written to {bilingual.directory()}.")
