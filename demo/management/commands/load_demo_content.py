from django.core.management.base import BaseCommand

from demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Build the demo EU Polar Cluster knowledge base. "
        "Safe to run again: it adds only what is missing."
    )

    def handle(self, *args, **options):
        if options["verbosity"] < 2:
            created = DemoLoader(log=lambda message: None).run()
            self.stdout.write(f"Demo content ready: {created} items created.")
            return
        self.stdout.write("Loading demo content…")
        DemoLoader(log=self.stdout.write).run()
