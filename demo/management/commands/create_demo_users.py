from django.core.management.base import BaseCommand

from demo.users import create_demo_users


class Command(BaseCommand):
    help = (
        "Create one demo user per role with a random password (development settings only; "
        "safe to repeat). `python manage.py demo_logins` prints the logins."
    )

    def handle(self, *args, **options):
        created = create_demo_users()
        if options["verbosity"] >= 2:
            self.stdout.write(f"  demo users: {len(created)}")
