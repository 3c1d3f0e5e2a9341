from django.core.management.base import BaseCommand

from knowledgebase.demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Build the demo EU Polar Cluster knowledge base. "
        "Safe to run again: it adds only what is missing."
    )

    def handle(self, *args, **options):
        self.stdout.write("Loading demo content…")
        DemoLoader(log=self.stdout.write).run()
