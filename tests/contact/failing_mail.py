"""A mail backend whose server refuses every message, as a broken SMTP server does."""

from smtplib import SMTPException

from django.core.mail.backends.base import BaseEmailBackend


class EmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise SMTPException("451 mail server unavailable")
