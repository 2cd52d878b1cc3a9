from django.db.models import Prefetch
from rest_framework import viewsets

from benchmarking.api.serializers import FrameworkSerializer, ResultSerializer
from benchmarking.filtersets import ResultFilter
from benchmarking.models import Answer, Assessment, Framework


class FrameworkViewSet(viewsets.ReadOnlyModelViewSet):
    """Benchmarking framework versions in use, with their indicators."""

    queryset = Framework.objects.published().prefetch_related("indicators__subgroup").order_by("-version")
    serializer_class = FrameworkSerializer
    lookup_field = "version"
    filter_backends = []


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
