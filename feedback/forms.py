from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH


class FeedbackForm(forms.Form):
    useful = forms.TypedChoiceField(
        choices=[
            # Translators: Readers see this on the feedback form at the foot of guides and lessons:
            # the answer "yes" to "Was this useful?".
            ("yes", _("Yes")),
            # Translators: Readers see this on the feedback form at the foot of guides and lessons:
            # the answer "no" to "Was this useful?".
            ("no", _("No")),
        ],
        coerce=lambda value: value == "yes",
        error_messages={
            # Translators: Readers see this when the feedback form at the foot of guides and lessons
            # is sent without answering.
            "required": _("Please choose Yes or No."),
            "invalid_choice": _("Please choose Yes or No."),
        },
    )
    about_translation = forms.BooleanField(required=False)
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            # Translators: Readers see this when a feedback comment is too long: %(limit_value)d is
            # the maximum number of characters.
            "max_length": _("Please shorten your comment to at most %(limit_value)d characters.")
        },
    )
