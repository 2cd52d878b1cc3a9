from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coalition.models import ImportBatch, Organisation, Person, Segment, Tag


class PersonForm(forms.ModelForm):
    consent_withdrawn = forms.BooleanField(
        label=_("Withdrew consent to mailings"),
        required=False,
        help_text=_("They are then left out of every segment, e-mail list and mailing export."),
    )

    class Meta:
        model = Person
        fields = ["name", "email", "phone", "organisation", "position", "tags", "notes", "show_name_publicly"]
        widgets = {"tags": forms.CheckboxSelectMultiple}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        self.fields["tags"].queryset = Tag.objects.all()
        self.fields["consent_withdrawn"].initial = self.instance.mailing_consent_withdrawn_at is not None

    def clean_email(self):
        email = (self.cleaned_data.get("email") or "").strip()
        if email and Person.objects.with_email(email).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another person already has this e-mail. Merge the two instead."))
        return email or None

    def apply_consent(self):
        withdrawn = self.cleaned_data["consent_withdrawn"]
        if withdrawn and self.instance.mailing_consent_withdrawn_at is None:
            self.instance.mailing_consent_withdrawn_at = timezone.now()
        elif not withdrawn:
            self.instance.mailing_consent_withdrawn_at = None


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = ["name", "name_en", "short_name", "kind", "municipality", "sos_member", "country", "website", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["website"] = forms.URLField(
            label=self.fields["website"].label, required=False, assume_scheme="https", max_length=200
        )


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"), choices=ImportBatch.Kind.choices, widget=forms.RadioSelect, initial="people"
    )
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_("CSV (UTF-8 or Windows-1250) or XLSX, at most 5 MB; the first row names the columns."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class SegmentForm(forms.ModelForm):
    class Meta:
        model = Segment
        fields = ["name", "description", "querystring"]
        widgets = {"querystring": forms.HiddenInput, "description": forms.Textarea(attrs={"rows": 2})}
