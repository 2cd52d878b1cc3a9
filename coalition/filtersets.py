import django_filters

from coalition.models import Municipality, Organisation


class MunicipalityFilter(django_filters.FilterSet):
    sos_member = django_filters.BooleanFilter(field_name="sos_member", label="SOS member")

    class Meta:
        model = Municipality
        fields = ["kind", "code"]


class OrganisationFilter(django_filters.FilterSet):
    municipality = django_filters.CharFilter(field_name="municipality__code", label="Municipality ISO code")

    class Meta:
        model = Organisation
        fields = ["kind", "country", "sos_member", "municipality"]
