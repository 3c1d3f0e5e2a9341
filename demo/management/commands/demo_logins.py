from django.core.management.base import BaseCommand

from demo.users import demo_logins


class Command(BaseCommand):
    help = "Print the demo users' logins (one per role; development settings only)."

    def handle(self, *args, **options):
        logins = demo_logins()
        if logins:
            self.stdout.write("Demo users, one per role (same login page):")
        for username, role, member, password in logins:
            extra = f", writes for {member}" if member else ""
            self.stdout.write(f"  {role}{extra}: '{username}' with password '{password}'")
