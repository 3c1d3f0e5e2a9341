from django.core.management import call_command

import pytest


@pytest.fixture(scope="package", autouse=True)
def demo_content(django_db_setup, django_db_blocker):
    """One copy of the demo content for every browser test class (loading it takes
    longer than the tests), emptied after the last of them."""
    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
    yield
    with django_db_blocker.unblock():
        call_command("flush", verbosity=0, interactive=False)
