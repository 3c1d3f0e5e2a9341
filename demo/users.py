"""One demo user per role for `make run` (demo/data/users.yaml), so a newcomer sees each
role's admin.

Local only: nothing happens unless the settings say DEMO_USERS = True (the
development settings do; production never). Passwords are random, kept in
.demo-passwords (like the admin's .admin-password) and printed by
`python manage.py demo_logins` next to the admin login.
"""

import json
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from knowledgebase.models import MemberPage
from workspaces.members import add_member_author

from .files import read_data

PASSWORD_FILE = Path(settings.BASE_DIR) / ".demo-passwords"


def demo_users():
    """[{"username", "group", "member"?}] as the demo data lists them."""
    return read_data("users")


def demo_users_enabled():
    return getattr(settings, "DEMO_USERS", False)


def create_demo_users():
    """Create (or reset to the kept password) one user per role; returns their logins."""
    if not demo_users_enabled():
        return {}
    passwords = kept_passwords()
    for entry in demo_users():
        username = entry["username"]
        password = passwords.setdefault(username, secrets.token_urlsafe(12))
        user = demo_user(username, password)
        user.groups.add(Group.objects.get_or_create(name=entry["group"])[0])
        member = source_member(entry["member"]) if "member" in entry else None
        if member is not None:
            add_member_author(user, member)
    keep_passwords(passwords)
    return passwords


def demo_user(username, password):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"email": f"{username}@example.org", "first_name": username.split("-")[1].title()},
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    return user


def source_member(slug):
    return MemberPage.objects.filter(
        slug=slug, locale__language_code=settings.LANGUAGE_CODE, alias_of=None
    ).first()


def kept_passwords():
    if PASSWORD_FILE.exists():
        return json.loads(PASSWORD_FILE.read_text())
    return {}


def keep_passwords(passwords):
    PASSWORD_FILE.write_text(json.dumps(passwords, indent=2) + "\n")
    PASSWORD_FILE.chmod(0o600)


def demo_logins():
    """(username, role, the member they write for or None, password) of the demo users
    that exist."""
    if not demo_users_enabled():
        return []
    passwords = kept_passwords()
    existing = set(
        get_user_model().objects.filter(username__in=passwords).values_list("username", flat=True)
    )
    return [
        (entry["username"], entry["group"], entry.get("member"), passwords[entry["username"]])
        for entry in demo_users()
        if entry["username"] in existing
    ]
