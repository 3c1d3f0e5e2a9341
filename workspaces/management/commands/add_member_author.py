from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from knowledgebase.models import MemberPage
from workspaces.members import add_member_author


class Command(BaseCommand):
    help = (
        "Make a user an author of a member: they may write guides, lessons and legacy outputs "
        "for it and submit them for review. MEMBER_SLUG is the member page's slug in the "
        "source language."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("member_slug")

    def handle(self, *args, username, member_slug, **options):
        User = get_user_model()
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No user named '{username}'.")
        member = MemberPage.objects.filter(
            slug=member_slug, locale__language_code=settings.LANGUAGE_CODE, alias_of=None
        ).first()
        if member is None:
            raise CommandError(f"No member with the slug '{member_slug}'.")
        if add_member_author(user, member):
            self.stdout.write(self.style.SUCCESS(f"{username} now writes for {member.title}."))
        else:
            self.stdout.write(f"{username} already writes for {member.title}.")
