import django_filters

from benchmarking.models import Assessment
from coalition.models import Municipality


class ResultFilter(django_filters.FilterSet):
    year = django_filters.NumberFilter(field_name="year")
    municipality = django_filters.CharFilter(field_name="municipality__code", label="ISO 3166-2:SI code")
    kind = django_filters.ChoiceFilter(field_name="municipality__kind", choices=Municipality.Kind.choices)
    framework = django_filters.NumberFilter(field_name="framework__version", label="framework version")

    class Meta:
        model = Assessment
        fields = ["year", "municipality", "kind", "framework"]
