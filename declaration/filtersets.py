import django_filters

from coalition.filtersets import StrictFilterSet
from declaration.models import SignatoryType, Signature


class SignatoryFilter(StrictFilterSet):
    declaration = django_filters.CharFilter(field_name="declaration__slug", help_text="Slug of the declaration.")
    type = django_filters.ChoiceFilter(
        choices=SignatoryType.choices,
        method="filter_type",
        help_text="Type as listed (an institution not yet verified counts as an individual).",
    )
    municipality = django_filters.CharFilter(
        field_name="municipality__code", help_text="ISO 3166-2:SI code of the municipality, e.g. SI-061."
    )
    signed_after = django_filters.DateFilter(
        field_name="confirmed_at__date", lookup_expr="gte", help_text="Confirmed on or after this date (YYYY-MM-DD)."
    )
    signed_before = django_filters.DateFilter(
        field_name="confirmed_at__date", lookup_expr="lte", help_text="Confirmed on or before this date (YYYY-MM-DD)."
    )

    class Meta:
        model = Signature
        fields = ["declaration", "type", "municipality", "signed_after", "signed_before"]

    def filter_type(self, queryset, name, value):
        return queryset.of_listed_type(value)
