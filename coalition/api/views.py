from django.db.models import Exists, OuterRef
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from coalition import pagecache
from coalition.api.renderers import CSVExportMixin
from coalition.api.serializers import MunicipalitySerializer, OrganisationSerializer
from coalition.filtersets import MunicipalityFilter, OrganisationFilter
from coalition.models import Municipality, Organisation


@extend_schema_view(
    list=extend_schema(
        summary="List municipalities",
        description="Slovenia's 212 municipalities with their ISO 3166-2:SI codes. Also as CSV.",
    ),
    retrieve=extend_schema(summary="One municipality, by ISO 3166-2:SI code"),
)
class MunicipalityViewSet(pagecache.CachedPublicReadMixin, CSVExportMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Municipality.objects.annotate(
        sos_member=Exists(Organisation.objects.municipal().filter(municipality=OuterRef("pk"), sos_member=True))
    ).order_by("code")
    serializer_class = MunicipalitySerializer
    filterset_class = MunicipalityFilter
    folded_search = True
    search_fields = ["name", "code"]
    ordering_fields = ["code", "name"]
    lookup_field = "code"
    lookup_value_regex = r"SI-\d{3}"


@extend_schema_view(
    list=extend_schema(
        summary="List organisations",
        description="Partners, signatories' organisations, municipalities' administrations and others. Also as CSV.",
    ),
    retrieve=extend_schema(summary="One organisation, by slug"),
)
class OrganisationViewSet(pagecache.CachedPublicReadMixin, CSVExportMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Organisation.objects.select_related("municipality").order_by("name", "id")
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    folded_search = True
    search_fields = ["name", "name_en", "short_name", "municipality"]
    ordering_fields = ["name", "kind", "created", "founded_year"]
    lookup_field = "slug"
