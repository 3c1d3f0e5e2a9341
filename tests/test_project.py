"""Project health: system checks pass and the models match their migrations."""

from io import StringIO

from django.core.management import call_command

import pytest


@pytest.mark.django_db
def test_system_checks_pass():
    call_command("check", stdout=StringIO())


@pytest.mark.django_db
def test_no_model_change_lacks_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out)
    except SystemExit:
        pytest.fail(f"models changed without a migration:\n{out.getvalue()}")
