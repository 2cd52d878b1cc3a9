"""The filters of the people and organisation lists, shared by the lists, exports and segments."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Prefetch
from django.utils.translation import gettext_lazy as _

from coalition.models import Municipality, Organisation, Person, Tag
from coalition.workspace import declaration_bridge
from partnership.models import Membership, Subgroup

MUNICIPAL = "municipal"
YES_NO = [("", _("any")), ("yes", _("yes")), ("no", _("no"))]
KIND_CHOICES = [("", _("any")), (MUNICIPAL, _("any municipality")), *Organisation.Kind.choices]


class PreloadableModelChoiceField(forms.ModelChoiceField):
    """A choice of one object that may be handed its candidates beforehand (``preloaded``: pk -> object),
    so that validating many forms at once (the segment list) costs one query per field, not one per form."""

    preloaded = None

    def to_python(self, value):
        if self.preloaded is None or value in self.empty_values:
            return super().to_python(value)
        try:
            return self.preloaded[int(str(value).strip())]
        except (KeyError, ValueError):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            ) from None


class PersonFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Organisation kind"), choices=KIND_CHOICES, required=False)
    sos_member = forms.ChoiceField(label=_("At an SOS member"), choices=YES_NO, required=False)
    municipality = PreloadableModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.all(), required=False, empty_label=_("any")
    )
    subgroup = PreloadableModelChoiceField(
        label=_("Subgroup"), queryset=Subgroup.objects.all(), required=False, empty_label=_("any")
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", _("any")), *Membership.Role.choices], required=False)
    tag = PreloadableModelChoiceField(label=_("Tag"), queryset=Tag.objects.all(), required=False, empty_label=_("any"))
    signed = forms.ChoiceField(label=_("Signed the declaration"), choices=YES_NO, required=False)
    consent = forms.ChoiceField(
        label=_("Consent to mailings"),
        choices=[("", _("any")), ("given", _("not withdrawn")), ("withdrawn", _("withdrawn"))],
        required=False,
    )
    organisation = forms.IntegerField(label=_("Organisation"), required=False, widget=forms.HiddenInput)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("name (A–Z)")),
            ("-name", _("name (Z–A)")),
            ("organisation", _("organisation")),
            ("-created", _("newest first")),
            ("created", _("oldest first")),
        ],
    )

    SORTS = {
        "name": ["name", "pk"],
        "-name": ["-name", "-pk"],
        "organisation": ["organisation__name", "name", "pk"],
        "-created": ["-created", "-pk"],
        "created": ["created", "pk"],
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not declaration_bridge.is_available():
            del self.fields["signed"]

    def queryset(self):
        """The people matching the valid filters (an invalid filter is ignored, never a 500)."""
        data = self.cleaned_data if self.is_valid() else {}
        qs = Person.objects.all()
        if data.get("q"):
            qs = qs.search(data["q"])
        kind = data.get("kind")
        if kind == MUNICIPAL:
            qs = qs.filter(organisation__kind__in=Organisation.MUNICIPAL_KINDS)
        elif kind:
            qs = qs.filter(organisation__kind=kind)
        if data.get("sos_member") == "yes":
            qs = qs.filter(organisation__sos_member=True)
        elif data.get("sos_member") == "no":
            qs = qs.exclude(organisation__sos_member=True)
        if data.get("municipality"):
            qs = qs.filter(organisation__municipality=data["municipality"])
        if data.get("organisation"):
            qs = qs.filter(organisation_id=data["organisation"])
        if data.get("subgroup") or data.get("role"):
            memberships = Membership.objects.filter(person=OuterRef("pk"))
            if data.get("subgroup"):
                memberships = memberships.filter(subgroup=data["subgroup"])
            if data.get("role"):
                memberships = memberships.filter(role=data["role"])
            qs = qs.filter(Exists(memberships))
        if data.get("tag"):
            qs = qs.filter(tags=data["tag"])
        signed = declaration_bridge.signed_exists()
        if signed is not None and data.get("signed") == "yes":
            qs = qs.filter(signed)
        elif signed is not None and data.get("signed") == "no":
            qs = qs.exclude(signed)
        if data.get("consent") == "given":
            qs = qs.mailable()
        elif data.get("consent") == "withdrawn":
            qs = qs.exclude(pk__in=Person.objects.mailable().values("pk")).exclude(email=None)
        return qs.order_by(*self.SORTS.get(data.get("sort") or "name", ["name", "pk"]))


def people_for_list(qs):
    """What the people list and exports show about each person, in a fixed number of queries."""
    return qs.select_related("organisation__municipality").prefetch_related(
        "tags",
        Prefetch("memberships", queryset=Membership.objects.select_related("subgroup")),
    )


class OrganisationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=KIND_CHOICES, required=False)
    sos_member = forms.ChoiceField(label=_("Member of SOS"), choices=YES_NO, required=False)
    municipality = forms.ModelChoiceField(
        label=_("Municipality"), queryset=Municipality.objects.all(), required=False, empty_label=_("any")
    )
    subgroup = forms.ModelChoiceField(
        label=_("Subgroup"), queryset=Subgroup.objects.all(), required=False, empty_label=_("any")
    )
    has_people = forms.ChoiceField(label=_("Has contacts"), choices=YES_NO, required=False)
    signed = forms.ChoiceField(label=_("A contact signed the declaration"), choices=YES_NO, required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("name", _("name (A–Z)")),
            ("-name", _("name (Z–A)")),
            ("kind", _("kind")),
            ("-people", _("most contacts first")),
        ],
    )

    SORTS = {
        "name": ["name", "pk"],
        "-name": ["-name", "-pk"],
        "kind": ["kind", "name", "pk"],
        "-people": ["-people_count", "name", "pk"],
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not declaration_bridge.is_available():
            del self.fields["signed"]

    def queryset(self):
        data = self.cleaned_data if self.is_valid() else {}
        qs = Organisation.objects.annotate(people_count=Count("people", distinct=True))
        signed = declaration_bridge.signed_exists()
        if signed is not None and data.get("signed") in ("yes", "no"):
            signatories = Exists(Person.objects.filter(signed, organisation=OuterRef(OuterRef("pk"))))
            qs = qs.filter(signatories) if data["signed"] == "yes" else qs.exclude(signatories)
        if data.get("q"):
            qs = qs.search(data["q"])
        kind = data.get("kind")
        if kind == MUNICIPAL:
            qs = qs.municipal()
        elif kind:
            qs = qs.filter(kind=kind)
        if data.get("sos_member") == "yes":
            qs = qs.filter(sos_member=True)
        elif data.get("sos_member") == "no":
            qs = qs.filter(sos_member=False)
        if data.get("municipality"):
            qs = qs.filter(municipality=data["municipality"])
        if data.get("subgroup"):
            qs = qs.filter(Exists(Membership.objects.filter(organisation=OuterRef("pk"), subgroup=data["subgroup"])))
        if data.get("has_people") == "yes":
            qs = qs.filter(people_count__gt=0)
        elif data.get("has_people") == "no":
            qs = qs.filter(people_count=0)
        return qs.select_related("municipality").order_by(*self.SORTS.get(data.get("sort") or "name", ["name", "pk"]))


def active_filters(form):
    """(label, value) pairs of the filters in use, to describe a list or a segment in words."""
    if not form.is_valid():
        return []
    described = []
    for name, value in form.cleaned_data.items():
        if name == "sort" or value in (None, ""):
            continue
        field = form.fields[name]
        if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
            value = dict(field.choices).get(value, value)
        described.append((field.label, str(value)))
    return described
