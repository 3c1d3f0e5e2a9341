from django.core.management.base import BaseCommand

from workspaces.demo import DEMO_MEMBER, demo_logins


class Command(BaseCommand):
    help = "Print the demo users' logins (one per role; development settings only)."

    def handle(self, *args, **options):
        logins = demo_logins()
        if logins:
            self.stdout.write("Demo users, one per role (same login page):")
        for username, role, password in logins:
            extra = f", writes for {DEMO_MEMBER}" if username == "demo-author" else ""
            self.stdout.write(f"  {role}{extra}: '{username}' with password '{password}'")
