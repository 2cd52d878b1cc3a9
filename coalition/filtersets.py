import datetime

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from coalition.models import Municipality, Organisation


class StrictBooleanField(forms.Field):
    """true/false (or 1/0, yes/no); anything else is an error naming the parameter, not silently ignored."""

    TRUE = {"true", "1", "yes"}
    FALSE = {"false", "0", "no"}

    def to_python(self, value):
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise forms.ValidationError(_("Enter true or false."), code="invalid")


class StrictBooleanFilter(django_filters.BooleanFilter):
    field_class = StrictBooleanField


class UTCDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 moment, turned into UTC: PostgreSQL refuses offsets beyond ±15:59 (a 500 otherwise)."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(datetime.UTC)
        except (OverflowError, ValueError) as exc:
            raise forms.ValidationError(_("Enter a valid date and time."), code="invalid") from exc


class UTCDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UTCDateTimeField


class StrictFilterSet(django_filters.FilterSet):
    """A parameter sent empty (``?starts_after=``) is an error naming it, not silently "no filter";
    only free-text parameters may be empty."""

    def is_valid(self):
        valid = super().is_valid()
        for name, filter_ in self.filters.items():
            if name in self.data and self.data.get(name) == "" and not isinstance(filter_, django_filters.CharFilter):
                self.form.add_error(name, _("This parameter may not be empty."))
                valid = False
        return valid


class MunicipalityFilter(StrictFilterSet):
    kind = django_filters.ChoiceFilter(
        choices=Municipality.Kind.choices, help_text="Municipality or urban municipality."
    )
    sos_member = StrictBooleanFilter(
        field_name="sos_member", help_text="Whether the municipality's administration is a member of SOS."
    )

    class Meta:
        model = Municipality
        fields = ["kind", "sos_member"]


class OrganisationFilter(StrictFilterSet):
    kind = django_filters.MultipleChoiceFilter(
        choices=Organisation.Kind.choices, help_text="Kind of organisation; repeat for several."
    )
    country = django_filters.CharFilter(help_text="ISO 3166-1 alpha-2 country code, e.g. SI.")
    municipality = django_filters.CharFilter(
        field_name="municipality__code", help_text="ISO 3166-2:SI code of the municipality, e.g. SI-061."
    )
    sos_member = StrictBooleanFilter(help_text="Member of the Association of Municipalities of Slovenia.")

    class Meta:
        model = Organisation
        fields = ["kind", "country", "municipality", "sos_member"]
