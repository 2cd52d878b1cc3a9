from django.db.models import Exists, OuterRef
from rest_framework import viewsets

from coalition.api.serializers import MunicipalitySerializer, OrganisationSerializer
from coalition.filtersets import MunicipalityFilter, OrganisationFilter
from coalition.models import Municipality, Organisation


class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    """Slovenia's 212 municipalities with their ISO 3166-2:SI codes."""

    queryset = Municipality.objects.annotate(
        sos_member=Exists(Organisation.objects.municipal().filter(municipality=OuterRef("pk"), sos_member=True))
    ).order_by("code")
    serializer_class = MunicipalitySerializer
    filterset_class = MunicipalityFilter
    search_fields = ["name", "code"]
    ordering_fields = ["code", "name"]


class OrganisationViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Organisation.objects.select_related("municipality").order_by("name", "id")
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    search_fields = ["name", "name_en", "short_name"]
    ordering_fields = ["name", "kind", "created"]
    lookup_field = "slug"
