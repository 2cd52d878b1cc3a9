from django.conf import settings
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from coalition import pagecache
from coalition.api.renderers import CSVExportMixin
from coalition.net import client_ip, rate_limit_exceeded
from partnership import services
from partnership.api import plans as plan_api
from partnership.api.serializers import (
    AcceptedSerializer,
    GoodPracticeSerializer,
    InterestExpressionSerializer,
    MeetingSerializer,
    MilestoneSerializer,
    PartnerSerializer,
    PartnershipSerializer,
    SubgroupSerializer,
)
from partnership.filtersets import (
    ActionPlanFilter,
    GoodPracticeFilter,
    MeetingFilter,
    MilestoneFilter,
    PartnerFilter,
    SubgroupFilter,
)
from partnership.forms import InterestForm
from partnership.models import (
    ActionPlan,
    GoodPractice,
    Meeting,
    Membership,
    Milestone,
    Partner,
    Partnership,
    Subgroup,
)
from partnership.permissions import can_comment
from partnership.plans import services as plan_services


@extend_schema_view(
    list=extend_schema(summary="List partnerships", description="The EU Urban Agenda partnerships SOS takes part in."),
    retrieve=extend_schema(summary="One partnership, by slug"),
)
class PartnershipViewSet(pagecache.CachedPublicReadMixin, viewsets.ReadOnlyModelViewSet):
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
class PartnerViewSet(pagecache.CachedPublicReadMixin, viewsets.ReadOnlyModelViewSet):
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
class SubgroupViewSet(pagecache.CachedPublicReadMixin, viewsets.ReadOnlyModelViewSet):
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
class MeetingViewSet(pagecache.CachedPublicReadMixin, viewsets.ReadOnlyModelViewSet):
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
class MilestoneViewSet(pagecache.CachedPublicReadMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Milestone.objects.select_related("partnership").order_by("due_on", "id")
    serializer_class = MilestoneSerializer
    filterset_class = MilestoneFilter
    search_fields = ["title_sl", "title_en"]
    ordering_fields = ["due_on", "kind"]


# --- Expressions of interest --------------------------------------------------------------------

INTEREST_RATE_LIMIT = getattr(settings, "PARTNERSHIP_INTEREST_RATE_LIMIT", (5, 3600))


class InterestExpressionViewSet(mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Express interest in subgroups: the public form's rules, rate limit and service."""

    serializer_class = InterestExpressionSerializer
    permission_classes = [AllowAny]
    pagination_class = None
    filter_backends = []

    @extend_schema(
        summary="Express interest in subgroups",
        description=(
            "Does what the public form does: the secretariat receives the request, the address a receipt. "
            "The same per-address limit applies (429 with Retry-After). No personal data is returned."
        ),
        request=InterestExpressionSerializer,
        responses={202: AcceptedSerializer},
        examples=[
            OpenApiExample(
                "Received",
                value={
                    "detail": "Thank you. We sent a receipt to the address you gave; the secretariat will be in touch."
                },
                response_only=True,
                status_codes=["202"],
            )
        ],
    )
    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        partnership = data["partnership"]
        subgroups = {s.slug: s.pk for s in partnership.subgroups.filter(slug__in=data["subgroups"])}
        unknown = [slug for slug in data["subgroups"] if slug not in subgroups]
        if unknown:
            raise exceptions.ValidationError(
                {"subgroups": [_("No subgroup of this partnership is called “%(slug)s”.") % {"slug": unknown[0]}]}
            )
        limit, window = INTEREST_RATE_LIMIT
        if rate_limit_exceeded("interest", client_ip(request), limit=limit, window=window):
            raise exceptions.Throttled(wait=window)
        form = InterestForm(
            {
                "name": data["name"],
                "email": data["email"],
                "organisation_name": data["organisation_name"],
                "subgroups": list(subgroups.values()),
                "message": data["message"],
                "privacy_consent": "on" if data["privacy_consent"] else "",
            },
            partnership=partnership,
        )
        if not form.is_valid():
            raise exceptions.ValidationError({field: list(errors) for field, errors in form.errors.items()})
        cleaned = form.cleaned_data
        language = data.get("language") or (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        services.express_interest(
            partnership=partnership,
            name=cleaned["name"],
            email=cleaned["email"],
            organisation_name=cleaned["organisation_name"],
            subgroups=cleaned["subgroups"],
            message=cleaned["message"],
            language=language if language in ("sl", "en") else settings.LANGUAGE_CODE,
        )
        body = {"detail": _("Thank you. We sent a receipt to the address you gave; the secretariat will be in touch.")}
        return Response(body, status=status.HTTP_202_ACCEPTED)


# --- Action plans -------------------------------------------------------------------------------

PLAN_ERRORS = {
    409: OpenApiResponse(plan_api.ConflictSerializer, description="Someone saved the plan since your version."),
}


@extend_schema_view(
    list=extend_schema(
        summary="List action plans",
        description=(
            "Published plans for everyone; drafts and plans in review also for the subgroup's members and the "
            "secretariat (send your token). Each with its actions. Also as CSV (one row per plan)."
        ),
    ),
    retrieve=extend_schema(summary="One action plan with its actions"),
    create=extend_schema(
        summary="Start an action plan",
        description="For members of the subgroup and the secretariat.",
        request=plan_api.ActionPlanCreateSerializer,
        responses={201: plan_api.ActionPlanSerializer},
    ),
    partial_update=extend_schema(
        summary="Edit a draft plan and its actions",
        description=(
            "For members of the subgroup and the secretariat, while the plan is a draft. Name the `version` you "
            "started from: if someone saved meanwhile the answer is 409 with the current plan, and nothing changes."
        ),
        request=plan_api.ActionPlanUpdateSerializer,
        responses={200: plan_api.ActionPlanSerializer, **PLAN_ERRORS},
    ),
)
class ActionPlanViewSet(
    pagecache.CachedPublicReadMixin,
    CSVExportMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.ReadOnlyModelViewSet,
):
    serializer_class = plan_api.ActionPlanSerializer
    filterset_class = ActionPlanFilter
    search_fields = ["title", "introduction", "subgroup__name_sl", "subgroup__name_en"]
    ordering_fields = ["updated", "created", "published_at", "title", "stage", "status"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        # The actions are read for the whole page at once by the serializer (plan_api.actions_by_plan).
        plans = (
            ActionPlan.objects.visible_to(self.request.user)
            .select_related("subgroup")
            .order_by("subgroup__order", "stage", "-updated", "id")
        )
        if self.get_serializer_class() is plan_api.ActionPlanCSVSerializer:
            plans = plans.annotate(action_count=Count("actions"))
        return plans

    def get_serializer_class(self):
        renderer = getattr(self.request, "accepted_renderer", None) if self.request else None
        if self.action == "list" and renderer is not None and renderer.format == "csv":
            return plan_api.ActionPlanCSVSerializer
        return {
            "create": plan_api.ActionPlanCreateSerializer,
            "partial_update": plan_api.ActionPlanUpdateSerializer,
            "revisions": plan_api.PlanRevisionSerializer,
            "submit": plan_api.TransitionSerializer,
            "approve": plan_api.TransitionSerializer,
            "publish": plan_api.TransitionSerializer,
            "send_back": plan_api.SendBackSerializer,
            "edit_action": plan_api.ActionUpdateSerializer,
        }.get(self.action, plan_api.ActionPlanSerializer)

    def _fresh(self, plan, status_code=status.HTTP_200_OK):
        plan = self.get_queryset().get(pk=plan.pk)
        return Response(plan_api.ActionPlanSerializer(plan, context=self.get_serializer_context()).data, status_code)

    def create(self, request, *args, **kwargs):
        serializer = plan_api.ActionPlanCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        plan = plan_services.create_plan(user=request.user, **serializer.validated_data)
        return self._fresh(plan, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        plan = self.get_object()
        serializer = plan_api.ActionPlanUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        actions = None
        if "actions" in data:
            actions = [
                plan_services.ActionData(
                    id=item.get("id"),
                    pillar=item["pillar"],
                    proposed_action=item["proposed_action"],
                    bottleneck=item["bottleneck"],
                    deadline=item["deadline"],
                    status=item["status"],
                    indicators=item["indicators"],
                    partner_ids=item["responsible_partners"],
                    delete=item["delete"],
                )
                for item in data["actions"]
            ]
        try:
            plan_services.save_plan(
                user=request.user,
                plan=plan,
                expected_version=data["version"],
                title=data.get("title", plan.title),
                introduction=data.get("introduction", plan.introduction),
                stage=data.get("stage", plan.stage),
                language=data.get("language", plan.language),
                actions=actions,
                message=data["message"],
            )
        except plan_services.EditConflict as conflict:
            return self._conflict(conflict, data["version"])
        return self._fresh(plan)

    @extend_schema(
        summary="The plan's history",
        description="Every saved revision, newest first. For members of the subgroup and the secretariat.",
        responses={200: plan_api.PlanRevisionSerializer(many=True)},
        filters=False,
    )
    @action(detail=True, methods=["get"], filter_backends=[])
    def revisions(self, request, pk=None):
        plan = self.get_object()
        if not can_comment(request.user, plan):
            raise exceptions.PermissionDenied(_("Only the subgroup's members and the secretariat see the history."))
        revisions = plan.revisions.select_related("author__person").defer("snapshot").order_by("-number")
        page = self.paginate_queryset(revisions)
        serializer = plan_api.PlanRevisionSerializer(page, many=True)
        return self.get_paginated_response(serializer.data)

    @extend_schema(
        summary="Edit one action of a draft plan",
        description=(
            "For members of the subgroup and the secretariat, while the plan is a draft. Name the action's "
            "`version`: if someone changed it meanwhile the answer is 409 with the current plan."
        ),
        parameters=[OpenApiParameter("action_id", int, OpenApiParameter.PATH, description="Id of the action.")],
        request=plan_api.ActionUpdateSerializer,
        responses={200: plan_api.ActionPlanSerializer, **PLAN_ERRORS},
    )
    @action(detail=True, methods=["patch"], url_path=r"actions/(?P<action_id>[0-9]+)", filter_backends=[])
    def edit_action(self, request, pk=None, action_id=None):
        plan = self.get_object()
        plan_action = get_object_or_404(plan.actions.all(), pk=action_id)
        serializer = plan_api.ActionUpdateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        expected_version = data.pop("version")
        message = data.pop("message")
        partner_ids = data.pop("responsible_partners", None)
        try:
            plan_services.save_action(
                user=request.user,
                action=plan_action,
                expected_version=expected_version,
                message=message,
                partner_ids=partner_ids,
                **data,
            )
        except plan_services.EditConflict as conflict:
            return self._conflict(conflict, expected_version)
        return self._fresh(plan)

    def _conflict(self, conflict, expected_version):
        current = self.get_queryset().get(pk=conflict.plan.pk)
        message = _("Someone saved this since version %(version)s; nothing was changed.") % {
            "version": expected_version
        }
        body = {
            "status": 409,
            "code": "edit_conflict",
            "detail": message,
            "errors": [{"field": "version", "message": message, "code": "edit_conflict"}],
            "current": plan_api.ActionPlanSerializer(current, context=self.get_serializer_context()).data,
        }
        return Response(body, status=status.HTTP_409_CONFLICT)

    def _transition(self, request, service, **extra):
        plan = self.get_object()
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        service(user=request.user, plan=plan, **serializer.validated_data, **extra)
        return self._fresh(plan)

    @extend_schema(
        summary="Submit a draft for review (the subgroup's leads)", responses={200: plan_api.ActionPlanSerializer}
    )
    @action(detail=True, methods=["post"], filter_backends=[])
    def submit(self, request, pk=None):
        return self._transition(request, plan_services.submit_plan)

    @extend_schema(summary="Approve a plan in review (the secretariat)", responses={200: plan_api.ActionPlanSerializer})
    @action(detail=True, methods=["post"], filter_backends=[])
    def approve(self, request, pk=None):
        return self._transition(request, plan_services.approve_plan)

    @extend_schema(
        summary="Send a plan back to draft (the secretariat)", responses={200: plan_api.ActionPlanSerializer}
    )
    @action(detail=True, methods=["post"], url_path="send-back", filter_backends=[])
    def send_back(self, request, pk=None):
        return self._transition(request, plan_services.send_back_plan)

    @extend_schema(summary="Publish an approved plan (the secretariat)", responses={200: plan_api.ActionPlanSerializer})
    @action(detail=True, methods=["post"], filter_backends=[])
    def publish(self, request, pk=None):
        return self._transition(request, plan_services.publish_plan)


@extend_schema_view(
    list=extend_schema(summary="List good practices", description="The published good-practice portfolio."),
    retrieve=extend_schema(summary="One good practice"),
)
class GoodPracticeViewSet(pagecache.CachedPublicReadMixin, viewsets.ReadOnlyModelViewSet):
    queryset = GoodPractice.objects.published().for_listing().order_by("-published_at", "-id")
    serializer_class = GoodPracticeSerializer
    filterset_class = GoodPracticeFilter
    folded_search = True
    search_fields = ["title", "summary", "problem_solved", "organisation", "municipality", "tags"]
    ordering_fields = ["published_at", "title"]
