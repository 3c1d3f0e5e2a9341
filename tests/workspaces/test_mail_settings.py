"""Outgoing mail is configured from the environment: EMAIL_URL or Django's EMAIL_* variables."""

import json
import os
import subprocess
import sys

from django.conf import settings

import pytest

READ_SETTINGS = (
    "import json; from polarkb.settings import base as s; "
    "print(json.dumps({k: getattr(s, k, None) for k in ("
    "'EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER', 'EMAIL_HOST_PASSWORD', "
    "'EMAIL_USE_TLS', 'EMAIL_TIMEOUT', 'DEFAULT_FROM_EMAIL')}))"
)


def production_mail_settings(**variables):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("EMAIL_")}
    environment.update(variables)
    result = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize(
    "variables",
    [
        {"EMAIL_URL": "smtp://kb%40cluster.eu:s3cret@mail.example.org:587?tls=True"},
        {
            "EMAIL_HOST": "mail.example.org",
            "EMAIL_PORT": "587",
            "EMAIL_HOST_USER": "kb@cluster.eu",
            "EMAIL_HOST_PASSWORD": "s3cret",
            "EMAIL_USE_TLS": "1",
        },
    ],
    ids=["EMAIL_URL", "EMAIL_variables"],
)
def test_smtp_server_from_the_environment(variables):
    mail = production_mail_settings(DEFAULT_FROM_EMAIL="kb@cluster.eu", **variables)
    assert (mail["EMAIL_HOST"], mail["EMAIL_PORT"]) == ("mail.example.org", 587)
    assert (mail["EMAIL_HOST_USER"], mail["EMAIL_HOST_PASSWORD"]) == ("kb@cluster.eu", "s3cret")
    assert mail["EMAIL_USE_TLS"] is True
    assert mail["DEFAULT_FROM_EMAIL"] == "kb@cluster.eu"
    assert mail["EMAIL_TIMEOUT"] == 10
    assert mail["EMAIL_BACKEND"] in (None, "django.core.mail.backends.smtp.EmailBackend")


def test_email_url_chooses_another_backend():
    mail = production_mail_settings(EMAIL_URL="console://")
    assert mail["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
