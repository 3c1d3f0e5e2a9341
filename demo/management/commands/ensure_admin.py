import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = (
        "Make sure an admin can log into /admin/: ADMIN_USERNAME and ADMIN_PASSWORD from the "
        "environment, or else a local 'admin' user with a generated password kept in "
        ".admin-password."
    )

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin")
        from_environment = bool(os.environ.get("ADMIN_PASSWORD"))
        password = os.environ["ADMIN_PASSWORD"] if from_environment else self.local_password()
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            User.objects.create_superuser(username, os.environ.get("ADMIN_EMAIL", ""), password)
        elif not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        shown = f"password '{password}'"
        if from_environment:
            shown = "the password in ADMIN_PASSWORD"
        url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/"
        message = f"Admin: log in at {url} as '{username}' with {shown}"
        self.stdout.write(self.style.SUCCESS(message))

    def local_password(self):
        if PASSWORD_FILE.exists():
            return PASSWORD_FILE.read_text().strip()
        password = secrets.token_urlsafe(12)
        PASSWORD_FILE.write_text(password + "\n")
        PASSWORD_FILE.chmod(0o600)
        return password
