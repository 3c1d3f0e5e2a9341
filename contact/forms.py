"""The public contact form. Every message it shows is the project's own, so that
readers get it in their language wherever the catalogues have it."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from knowledgebase.models import MemberPage, Region, Topic
from knowledgebase.visibility import visible

from .models import Enquiry

CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def single_line(value):
    if CONTROL_CHARACTERS.search(value):
        # Translators: Readers see this under a contact form field that holds a line break or
        # control character.
        raise ValidationError(_("Please write this on one line."), code="control_characters")


# Django fills in limit_value when it shows the message, in the reader's language.
# Translators: Readers see this under a contact form field that is too long: %(limit_value)d is the
# maximum number of characters.
TOO_LONG = _("Please shorten this to at most %(limit_value)d characters.")


class KeyChoiceField(forms.ModelChoiceField):
    """A choice of a source-language item by its stable key, labelled in the reader's
    language."""

    def __init__(self, *args, labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.labels = labels or {}

    def label_from_instance(self, obj):
        return self.labels.get(getattr(obj, self.to_field_name), str(obj))


class EnquiryForm(forms.ModelForm):
    # A field people never see and bots fill in; a filled one means the post is dropped.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    consent = forms.BooleanField(
        label=_(
            # Translators: Readers see this next to the contact form's consent box, which must be
            # ticked to send (EU Polar Cluster is a name).
            "I agree that the EU Polar Cluster stores this message and my contact details "
            "to answer me, and deletes them after the enquiry is closed."
        ),
        # Translators: Readers see this under the contact form's consent box when it was not ticked.
        error_messages={"required": _("Please agree, so that we may store your message.")},
    )

    class Meta:
        model = Enquiry
        fields = ["name", "email", "organisation", "member", "topic", "region", "message"]
        labels = {
            # Translators: Readers see this as the label of a field of the contact form.
            "name": _("Your name"),
            # Translators: Readers see this as the label of a field of the contact form.
            "email": _("Your e-mail address"),
            # Translators: Readers see this as the label of an optional field of the contact form.
            "organisation": _("Organisation or community (optional)"),
            # Translators: Readers see this as the label of an optional list of members on the
            # contact form: whom the message goes to.
            "member": _("Member (optional)"),
            # Translators: Readers see this as the label of an optional list of topics on the
            # contact form.
            "topic": _("Topic (optional)"),
            # Translators: Readers see this as the label of an optional list of regions on the
            # contact form.
            "region": _("Region (optional)"),
            # Translators: Readers see this as the label of the message box of the contact form.
            "message": _("Your message"),
        }
        help_texts = {
            # Translators: Readers see this under the e-mail field of the contact form.
            "email": _("We answer you at this address."),
            # Translators: Readers see this under the member list of the contact form: with no
            # member chosen the message goes to the Cluster.
            "member": _("Leave empty to write to the Cluster secretariat."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "message": forms.Textarea(attrs={"rows": 8}),
        }
        error_messages = {
            "name": {
                # Translators: Readers see this under the name field of the contact form when it was
                # left empty.
                "required": _("Please enter your name."),
                "max_length": TOO_LONG,
            },
            "email": {
                # Translators: Readers see this under the e-mail field of the contact form when it
                # was left empty.
                "required": _("Please enter your e-mail address."),
                # Translators: Readers see this under the e-mail field of the contact form when the
                # address is not valid; keep name@example.org.
                "invalid": _("Please enter an e-mail address such as name@example.org."),
            },
            "organisation": {"max_length": TOO_LONG},
            "message": {
                # Translators: Readers see this under the message box of the contact form when it
                # was left empty.
                "required": _("Please write your message."),
                "max_length": TOO_LONG,
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = Locale.get_active()
        self.fields["name"].validators.append(single_line)
        self.fields["organisation"].validators.append(single_line)
        self.fields["email"].validators.append(single_line)
        members = visible(
            MemberPage.objects.filter(locale=Locale.get_default(), alias_of=None)
        ).order_by("title")
        keys = [member.slug for member in members]
        self.fields["member"] = KeyChoiceField(
            members,
            to_field_name="slug",
            required=False,
            labels=MemberPage.labels(keys, locale),
            label=self.fields["member"].label,
            help_text=self.fields["member"].help_text,
            # Translators: Readers see this as the first choice of the contact form's member list:
            # the Cluster's own office.
            empty_label=_("The Cluster secretariat"),
        )
        for name, model in (("topic", Topic), ("region", Region)):
            self.fields[name] = KeyChoiceField(
                model.objects.source(),
                to_field_name="key",
                required=False,
                labels=model.labels(model.objects.source().values_list("key", flat=True), locale),
                label=self.fields[name].label,
                empty_label="—",
            )
        for field in self.fields.values():
            # Translators: Readers see this under a list of the contact form when the chosen value
            # is not one of its choices.
            field.error_messages["invalid_choice"] = _("Please choose from the list.")

    @property
    def is_spam(self):
        return bool(self.data.get("website"))
