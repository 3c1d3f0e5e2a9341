from django import forms
from django.utils.translation import gettext_lazy as _

from .models import COMMENT_MAX_LENGTH


class FeedbackForm(forms.Form):
    useful = forms.TypedChoiceField(
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        error_messages={
            "required": _("Please choose Yes or No."),
            "invalid_choice": _("Please choose Yes or No."),
        },
    )
    about_translation = forms.BooleanField(required=False)
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "max_length": _("Please shorten your comment to at most %(limit_value)d characters.")
        },
    )
