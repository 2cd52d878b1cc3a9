from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import viewsets

from benchmarking.api.serializers import FrameworkSerializer, ResultSerializer
from benchmarking.filtersets import ResultFilter
from benchmarking.models import Answer, Assessment, Framework

RESULT_EXAMPLE = {
    "id": 17,
    "municipality": "SI-036",
    "municipality_name": "Idrija",
    "municipality_kind": "municipality",
    "year": 2025,
    "framework": 1,
    "submitted_at": "2025-03-14T10:22:05+01:00",
    "overall_score": 56.3,
    "answers": [
        {"indicator": "DT-LEAD", "value": "1.00", "score": 100.0, "reached": True},
        {"indicator": "SVC-ONLINE", "value": "35.00", "score": 35.0, "reached": False},
    ],
}
FRAMEWORK_EXAMPLE = {
    "version": 1,
    "name_sl": "Okvir za merjenje uspešnosti lokalne e-uprave",
    "name_en": "Local eGovernment benchmarking framework",
    "description_sl": "",
    "description_en": "",
    "published_at": "2025-01-01T00:00:00+01:00",
    "indicators": [
        {
            "code": "DT-LEAD",
            "order": 1,
            "name_sl": "Imenovana oseba, odgovorna za digitalno preobrazbo",
            "name_en": "Named person responsible for digital transformation",
            "explanation_sl": "",
            "explanation_en": "",
            "rationale_sl": "",
            "rationale_en": "",
            "area": "governance",
            "subgroup": "euprava",
            "unit_sl": "",
            "unit_en": "",
            "answer_type": "yes_no",
            "higher_is_better": True,
            "target": None,
        }
    ],
}


@extend_schema_view(
    list=extend_schema(examples=[OpenApiExample("Framework", value=FRAMEWORK_EXAMPLE, response_only=True)]),
    retrieve=extend_schema(examples=[OpenApiExample("Framework", value=FRAMEWORK_EXAMPLE, response_only=True)]),
)
class FrameworkViewSet(viewsets.ReadOnlyModelViewSet):
    """Benchmarking framework versions in use, with their indicators."""

    queryset = Framework.objects.published().prefetch_related("indicators__subgroup").order_by("-version")
    serializer_class = FrameworkSerializer
    lookup_field = "version"
    filter_backends = []


@extend_schema_view(
    list=extend_schema(examples=[OpenApiExample("Result", value=RESULT_EXAMPLE, response_only=True)]),
    retrieve=extend_schema(examples=[OpenApiExample("Result", value=RESULT_EXAMPLE, response_only=True)]),
)
class ResultViewSet(viewsets.ReadOnlyModelViewSet):
    """Submitted self-assessments of municipalities (drafts are never shown), with each answer's score."""

    queryset = (
        Assessment.objects.submitted()
        .select_related("municipality", "framework")
        .prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("indicator")))
        .order_by("-year", "municipality__code")
    )
    serializer_class = ResultSerializer
    filterset_class = ResultFilter
    search_fields = ["municipality__name", "municipality__code"]
    ordering_fields = ["year", "municipality__code", "submitted_at"]
