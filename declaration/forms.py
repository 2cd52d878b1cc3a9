from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coalition.widgets import FrozenChoices, QuickSelect, QuickTextInput
from declaration import listing
from declaration.models import SignatoryType
from declaration.validators import validate_mandate_file


class MunicipalityChoiceField(forms.ChoiceField):
    """One of the municipalities the form is given (``declaration.current`` holds them: no query per signing).

    Cleans to the ``Municipality`` itself, or None when none is chosen.
    """

    def __init__(self, *, empty_label, **kwargs):
        self.empty_label = empty_label
        self.municipalities = {}
        super().__init__(**kwargs)

    def set_municipalities(self, municipalities):
        """``municipalities``: {primary key as text: Municipality}, in the order the list shows them."""
        self.municipalities = municipalities
        # Listed only when the form is rendered; a signing checks its choice against the dict.
        self.choices = lambda: [("", self.empty_label)] + [(pk, m.name) for pk, m in municipalities.items()]

    def valid_value(self, value):
        return value in self.municipalities

    def clean(self, value):
        value = super().clean(value)
        return self.municipalities[value] if value else None


class SignatureForm(forms.Form):
    """The public signing form. The rules themselves are checked again by ``services.sign_declaration``."""

    name = forms.CharField(label=_("Name and surname"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("We send the confirmation link here. It is never shown publicly."),
    )
    # FrozenChoices: shared by every form, not deep-copied with their lazy labels for each signing.
    signatory_type = forms.ChoiceField(
        label=_("I sign"),
        choices=FrozenChoices(
            [
                (SignatoryType.INDIVIDUAL, _("as an individual")),
                (SignatoryType.MUNICIPALITY, _("on behalf of a municipality")),
                (SignatoryType.COMPANY, _("on behalf of a company")),
                (SignatoryType.RESEARCH, _("on behalf of a research or education institution")),
                (SignatoryType.NGO, _("on behalf of an NGO")),
                (SignatoryType.PUBLIC_BODY, _("on behalf of a public body")),
            ]
        ),
        initial=SignatoryType.INDIVIDUAL,
        widget=forms.RadioSelect,
    )
    organisation_name = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_("Required when you sign on behalf of an organisation."),
    )
    position = forms.CharField(
        label=_("Your position"),
        max_length=200,
        required=False,
        help_text=_("Required when you sign on behalf of an organisation, e.g. mayor or director."),
    )
    municipality = MunicipalityChoiceField(
        label=_("Municipality"),
        required=False,
        empty_label=_("(none)"),
        help_text=_("Optional for individuals; required when you sign on behalf of a municipality."),
        error_messages={"invalid_choice": _("Choose a municipality from the list.")},
    )
    mandate_file = forms.FileField(
        label=_("Proof of mandate (optional)"),
        required=False,
        help_text=_("A council decision or a letter of authorisation: PDF, PNG or JPEG, at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"}),
    )
    show_publicly = forms.TypedChoiceField(
        label=_("Public list of signatories"),
        choices=FrozenChoices(
            [("yes", _("List my name publicly")), ("no", _("Count my signature but do not list my name"))]
        ),
        coerce=lambda value: value == "yes",
        initial="yes",
        widget=forms.RadioSelect,
    )
    consent = forms.BooleanField(
        label=_("I have read the consent text above and agree to the processing of my personal data."),
        required=True,
        error_messages={"required": _("To sign, you must agree to the processing of your personal data.")},
    )
    consent_version = forms.IntegerField(widget=forms.HiddenInput)
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, consent_text=None, municipalities=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.consent_text = consent_text
        if consent_text is not None:
            self.fields["consent_version"].initial = consent_text.version
        self.fields["municipality"].set_municipalities(municipalities or {})
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["organisation_name"].widget.attrs["autocomplete"] = "organization"
        self.fields["position"].widget.attrs["autocomplete"] = "organization-title"
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})

    @property
    def is_bot(self):
        return bool(self.data.get("website"))

    def clean_mandate_file(self):
        upload = self.cleaned_data.get("mandate_file")
        if upload:
            validate_mandate_file(upload)
        return upload or None

    def clean(self):
        data = super().clean()
        signatory_type = data.get("signatory_type")
        if signatory_type and signatory_type != SignatoryType.INDIVIDUAL:
            if not (data.get("organisation_name") or "").strip() and "organisation_name" not in self.errors:
                self.add_error("organisation_name", _("Enter the organisation you sign for."))
            if not (data.get("position") or "").strip() and "position" not in self.errors:
                self.add_error("position", _("Enter your position in the organisation."))
        if signatory_type == SignatoryType.MUNICIPALITY and not data.get("municipality"):
            if "municipality" not in self.errors:
                self.add_error("municipality", _("Choose the municipality you sign for."))
        version = data.get("consent_version")
        if self.consent_text is None or (version is not None and version != self.consent_text.version):
            self.add_error("consent", _("The consent text has changed. Please read it again and agree to it."))
        return data

    def apply_service_errors(self, error: ValidationError):
        """Show the service's field-named errors on this form."""
        for field, messages in error.message_dict.items():
            target = field if field in self.fields else None
            for message in messages:
                self.add_error(target, message)


_held = {"search_choices": (None, None)}  # (municipality rows, the choices made of them)


def search_municipality_choices(municipalities):
    """The search form's municipality choices: "all", then (pk, name) of ``municipalities`` (as
    ``declaration.current`` holds them, in order of name). The same choices, with their
    ``<option>`` lines written, while the municipalities stay the same."""
    rows = [(municipality.pk, municipality.name) for municipality in municipalities.values()]
    held_rows, choices = _held["search_choices"]
    if rows != held_rows:
        choices = FrozenChoices([("", _("all")), *rows])
        _held["search_choices"] = (rows, choices)
    return choices


class SignatureSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search by name or organisation"), required=False, max_length=100, widget=QuickTextInput
    )
    type = forms.ChoiceField(
        label=_("Signed as"),
        required=False,
        choices=FrozenChoices([("", _("all")), *SignatoryType.choices]),
        widget=QuickSelect,
    )
    municipality = forms.TypedChoiceField(
        label=_("Municipality"), required=False, coerce=int, empty_value=None, widget=QuickSelect
    )
    # Where the page starts, from the list's own next and previous links (see declaration.listing).
    after = forms.CharField(label=_("Position in the list"), required=False, widget=forms.HiddenInput)
    before = forms.CharField(label=_("Position in the list"), required=False, widget=forms.HiddenInput)

    POSITION_FIELDS = ("after", "before")

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = search_municipality_choices(municipalities)

    def _clean_position(self, name):
        raw = self.cleaned_data.get(name)
        if not raw:
            return None
        try:
            return listing.decode(raw)
        except listing.InvalidCursor:
            raise ValidationError(
                _("This link to a page of the list is damaged: start again from the first page."), code="invalid"
            ) from None

    def clean_after(self):
        return self._clean_position("after")

    def clean_before(self):
        return self._clean_position("before")

    @property
    def filters(self):
        """The search and filters chosen (not the position in the list)."""
        return {k: v for k, v in self.cleaned_data.items() if k not in self.POSITION_FIELDS}


class SecretariatWithdrawalForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address of the signatory"),
        help_text=_("The address the withdrawal request came from, as it signed."),
    )
    confirm = forms.BooleanField(
        label=_("I have checked that the request came from this address."),
        required=True,
        error_messages={"required": _("Confirm that you have checked where the request came from.")},
    )
