from django import forms

from .models import ProvenanceMethod, TranslationProvenance


class ProvenanceForm(forms.ModelForm):
    class Meta:
        model = TranslationProvenance
        fields = ["method", "translator"]
        widgets = {"method": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = ProvenanceMethod.choices  # no blank choice
