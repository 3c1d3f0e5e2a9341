from django.conf import settings
from django.core.management import call_command
from django.core.management.commands.runserver import Command as RunserverCommand


class Command(RunserverCommand):
    help = "Serve the site for `make run`: a short start-up message, the address, the admin login."

    def on_bind(self, server_port):
        address = f"http://{self.addr}:{server_port}/"
        debug = "on" if settings.DEBUG else "off (DEBUG=1 turns them on)"
        self.stdout.write(f"Search engine: {settings.SEARCH_ENGINE}. Debug pages: {debug}.")
        call_command("ensure_admin", stdout=self.stdout)
        call_command("demo_logins", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Polar Knowledge Base: {address}  (Ctrl+C to stop)"))
