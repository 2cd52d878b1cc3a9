from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from partnership.api.serializers import (
    MeetingSerializer,
    MilestoneSerializer,
    PartnerSerializer,
    PartnershipSerializer,
    SubgroupSerializer,
)
from partnership.filtersets import MeetingFilter, MilestoneFilter, PartnerFilter, SubgroupFilter
from partnership.models import Meeting, Membership, Milestone, Partner, Partnership, Subgroup


@extend_schema_view(
    list=extend_schema(summary="List partnerships", description="The EU Urban Agenda partnerships SOS takes part in."),
    retrieve=extend_schema(summary="One partnership, by slug"),
)
class PartnershipViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Partnership.objects.order_by("slug")
    serializer_class = PartnershipSerializer
    search_fields = ["name_sl", "name_en"]
    ordering_fields = ["slug", "name_sl", "sos_joined_on"]
    lookup_field = "slug"


@extend_schema_view(
    list=extend_schema(
        summary="List partners", description="Partner organisations of each partnership and their role."
    ),
    retrieve=extend_schema(summary="One partner"),
)
class PartnerViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Partner.objects.select_related("partnership", "organisation").order_by(
        "partnership__slug", "category", "order", "organisation__name", "id"
    )
    serializer_class = PartnerSerializer
    filterset_class = PartnerFilter
    search_fields = ["organisation__name", "organisation__name_en", "organisation__short_name"]
    ordering_fields = ["category", "organisation__name", "is_coordinator"]


@extend_schema_view(
    list=extend_schema(
        summary="List subgroups",
        description="Subgroups (priority and horizontal areas) with the organisations taking part in each.",
    ),
    retrieve=extend_schema(summary="One subgroup, by slug"),
)
class SubgroupViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = (
        Subgroup.objects.select_related("partnership")
        .prefetch_related(
            Prefetch("memberships", queryset=Membership.objects.select_related("organisation").order_by("id"))
        )
        .order_by("order", "name_sl", "id")
    )
    serializer_class = SubgroupSerializer
    filterset_class = SubgroupFilter
    search_fields = ["name_sl", "name_en", "description_sl", "description_en"]
    ordering_fields = ["order", "name_sl", "name_en"]
    lookup_field = "slug"


@extend_schema_view(
    list=extend_schema(summary="List meetings", description="Meetings of the partnership and its subgroups."),
    retrieve=extend_schema(summary="One meeting, by slug"),
)
class MeetingViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Meeting.objects.select_related("partnership", "subgroup").order_by("-starts_on", "id")
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilter
    search_fields = ["title_sl", "title_en", "place"]
    ordering_fields = ["starts_on", "title_sl"]
    lookup_field = "slug"


@extend_schema_view(
    list=extend_schema(summary="List milestones", description="The partnership's milestones and their due dates."),
    retrieve=extend_schema(summary="One milestone"),
)
class MilestoneViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Milestone.objects.select_related("partnership").order_by("due_on", "id")
    serializer_class = MilestoneSerializer
    filterset_class = MilestoneFilter
    search_fields = ["title_sl", "title_en"]
    ordering_fields = ["due_on", "kind"]
