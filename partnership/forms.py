from django import forms
from django.utils.translation import gettext_lazy as _

from coalition import formfields
from partnership.models import Subgroup


class InterestForm(forms.Form):
    """The public form for expressing interest in one or more subgroups."""

    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), max_length=254, help_text=_("We send a receipt to this address."))
    organisation_name = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("The municipality, institution, company or NGO you work for, if any."),
    )
    subgroups = formfields.ModelMultipleChoiceField(
        label=_("Subgroups"),
        queryset=Subgroup.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one subgroup.")},
    )
    message = forms.CharField(
        label=_("Message"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you would like to contribute (optional)."),
    )
    privacy_consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that the secretariat keeps my details for this request."),
        error_messages={"required": _("Please agree to the privacy notice, or we cannot keep your request.")},
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by bots.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, partnership, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subgroups"].queryset = partnership.subgroups.order_by("order", "name_sl")
        self.fields["subgroups"].label_from_instance = lambda subgroup: subgroup.name
        for name, field in self.fields.items():
            describedby = []
            if field.help_text:
                describedby.append(f"id_{name}_helptext")
            if self.is_bound and name in self.errors:
                describedby.append(f"id_{name}_error")
                field.widget.attrs["aria-invalid"] = "true"
            if describedby and name != "subgroups":
                field.widget.attrs["aria-describedby"] = " ".join(describedby)

    @property
    def is_spam(self):
        return bool(self.data.get("website"))


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Give a reason for declining.")},
    )
