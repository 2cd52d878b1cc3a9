"""Action plans over the API: the same visibility, predicates and services as the pages.

Reads go through ``ActionPlan.objects.visible_to(user)`` (published for everyone, drafts for the
subgroup and the secretariat). Every write calls a service in ``partnership.plans.services``,
which checks its own permission predicate, so a token can do exactly what its user can do.
"""

from collections import defaultdict

from drf_spectacular.utils import OpenApiExample, extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from coalition.api.serializers import ChoiceDisplayField, JSONBooleanField, OrganisationSummarySerializer
from partnership.models import Action, ActionPlan, PlanRevision, Subgroup

ACTION_EXAMPLE = {
    "id": 12,
    "order": 1,
    "pillar": "knowledge",
    "pillar_display": "better knowledge",
    "bottleneck": "Občine nimajo pregleda nad podatki, ki jih že zbirajo.",
    "proposed_action": "Skupni katalog odprtih podatkov občin.",
    "responsible_partners": [
        {
            "id": 213,
            "slug": "sos",
            "name_sl": "Skupnost občin Slovenije",
            "name_en": "Association of Municipalities of Slovenia",
            "kind": "association",
            "country": "SI",
        }
    ],
    "deadline": "2026-06-30",
    "status": "in_progress",
    "status_display": "in progress",
    "indicators": "Število občin v katalogu.",
    "version": 3,
}

PLAN_EXAMPLE = {
    "id": 5,
    "subgroup": "pametna-mesta",
    "subgroup_name_sl": "Pametna mesta",
    "subgroup_name_en": "Smart cities",
    "title": "Akcijski načrt za pametna mesta",
    "introduction": "Uvod v **načrt**.",
    "language": "sl",
    "stage": "first_draft",
    "stage_display": "first draft",
    "status": "published",
    "status_display": "published",
    "version": 7,
    "created": "2025-03-01T09:30:00+01:00",
    "updated": "2025-05-20T14:02:11+02:00",
    "published_at": "2025-05-20T14:02:11+02:00",
    "actions": [ACTION_EXAMPLE],
}


class ActionSerializer(serializers.ModelSerializer):
    # The schema of an action; ``actions_by_plan`` builds the same representation from rows.

    pillar_display = ChoiceDisplayField("pillar")
    status_display = ChoiceDisplayField("status")
    responsible_partners = OrganisationSummarySerializer(many=True, read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "order",
            "pillar",
            "pillar_display",
            "bottleneck",
            "proposed_action",
            "responsible_partners",
            "deadline",
            "status",
            "status_display",
            "indicators",
            "version",
        ]


def actions_by_plan(plan_ids):
    """``{plan id: [action, ...]}`` as ``ActionSerializer`` shows them, in two queries however many there are.

    A page of plans holds a thousand actions or more; building each through the serializer's fields
    took a quarter of a second, reading them as rows takes a few milliseconds.
    """
    pillars = {value: str(label) for value, label in Action.Pillar.choices}
    statuses = {value: str(label) for value, label in Action.Status.choices}
    partners = defaultdict(list)
    links = (
        Action.responsible_partners.through.objects.filter(action__plan_id__in=plan_ids)
        .order_by("organisation__name", "organisation_id")
        .values_list(
            "action_id",
            "organisation_id",
            "organisation__slug",
            "organisation__name",
            "organisation__name_en",
            "organisation__kind",
            "organisation__country",
        )
    )
    for action_id, pk, slug, name, name_en, kind, country in links:
        partners[action_id].append(
            {"id": pk, "slug": slug, "name_sl": name, "name_en": name_en, "kind": kind, "country": country}
        )
    actions = defaultdict(list)
    rows = (
        Action.objects.filter(plan_id__in=plan_ids)
        .order_by("order", "id")
        .values_list(
            "plan_id", "id", "order", "pillar", "bottleneck", "proposed_action", "deadline", "status", "indicators",
            "version",
        )
    )  # fmt: skip
    for plan_id, pk, order, pillar, bottleneck, proposed_action, deadline, status, indicators, version in rows:
        actions[plan_id].append(
            {
                "id": pk,
                "order": order,
                "pillar": pillar,
                "pillar_display": pillars.get(pillar, pillar),
                "bottleneck": bottleneck,
                "proposed_action": proposed_action,
                "responsible_partners": partners.get(pk, []),
                "deadline": deadline.isoformat() if deadline else None,
                "status": status,
                "status_display": statuses.get(status, status),
                "indicators": indicators,
                "version": version,
            }
        )
    return actions


@extend_schema_field(ActionSerializer(many=True))
class PlanActionsField(serializers.Field):
    """A plan's actions: read for the whole page at once by ``ActionPlanListSerializer``, else for this plan."""

    def __init__(self, **kwargs):
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)

    def to_representation(self, plan):
        loaded = getattr(plan, "api_actions", None)
        if loaded is None:
            loaded = actions_by_plan([plan.pk]).get(plan.pk, [])
        return loaded


class ActionPlanListSerializer(serializers.ListSerializer):
    def to_representation(self, data):
        plans = list(data)
        loaded = actions_by_plan([plan.pk for plan in plans])
        for plan in plans:
            plan.api_actions = loaded.get(plan.pk, [])
        return super().to_representation(plans)


@extend_schema_serializer(examples=[OpenApiExample("Published plan", value=PLAN_EXAMPLE, response_only=True)])
class ActionPlanSerializer(serializers.ModelSerializer):
    subgroup = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    subgroup_name_sl = serializers.CharField(source="subgroup.name_sl", read_only=True)
    subgroup_name_en = serializers.CharField(source="subgroup.name_en", read_only=True)
    stage_display = ChoiceDisplayField("stage")
    status_display = ChoiceDisplayField("status")
    actions = PlanActionsField()

    class Meta:
        model = ActionPlan
        list_serializer_class = ActionPlanListSerializer
        fields = [
            "id",
            "subgroup",
            "subgroup_name_sl",
            "subgroup_name_en",
            "title",
            "introduction",
            "language",
            "stage",
            "stage_display",
            "status",
            "status_display",
            "version",
            "created",
            "updated",
            "published_at",
            "actions",
        ]


class ActionPlanCSVSerializer(ActionPlanSerializer):
    """A plan as one CSV row: its actions counted (``action_count`` annotated by the view), not nested."""

    action_count = serializers.IntegerField(read_only=True)

    class Meta(ActionPlanSerializer.Meta):
        list_serializer_class = serializers.ListSerializer
        fields = [name for name in ActionPlanSerializer.Meta.fields if name != "actions"] + ["action_count"]


# --- writes ---------------------------------------------------------------------------------------


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "New plan",
            value={"subgroup": "pametna-mesta", "title": "Akcijski načrt", "stage": "orientation_paper"},
            request_only=True,
        )
    ]
)
class ActionPlanCreateSerializer(serializers.Serializer):
    subgroup = serializers.SlugRelatedField(slug_field="slug", queryset=Subgroup.objects.all())
    title = serializers.CharField(max_length=200)
    stage = serializers.ChoiceField(choices=ActionPlan.Stage.choices, default=ActionPlan.Stage.ORIENTATION_PAPER)
    language = serializers.ChoiceField(choices=ActionPlan.Language.choices, default=ActionPlan.Language.SLOVENIAN)
    introduction = serializers.CharField(allow_blank=True, required=False, default="", max_length=50_000)


class ActionInputSerializer(serializers.Serializer):
    id = serializers.IntegerField(required=False, allow_null=True, help_text="Leave out for a new action.")
    pillar = serializers.ChoiceField(choices=Action.Pillar.choices)
    proposed_action = serializers.CharField(max_length=20_000)
    bottleneck = serializers.CharField(allow_blank=True, required=False, default="", max_length=20_000)
    deadline = serializers.DateField(required=False, allow_null=True, default=None)
    status = serializers.ChoiceField(choices=Action.Status.choices, default=Action.Status.PROPOSED)
    indicators = serializers.CharField(allow_blank=True, required=False, default="", max_length=20_000)
    responsible_partners = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        default=list,
        max_length=200,
        help_text="Ids of organisations.",
    )
    delete = JSONBooleanField(required=False, default=False, help_text="True removes this action.")


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Edit the title and add an action",
            value={
                "version": 7,
                "title": "Akcijski načrt za pametna mesta",
                "message": "Dodan ukrep o odprtih podatkih.",
                "actions": [{"pillar": "knowledge", "proposed_action": "Skupni katalog odprtih podatkov občin."}],
            },
            request_only=True,
        )
    ]
)
class ActionPlanUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1,
        help_text="The plan's version you started from. If someone saved since, the answer is 409 and nothing changes.",
    )
    title = serializers.CharField(max_length=200, required=False)
    introduction = serializers.CharField(allow_blank=True, required=False, max_length=50_000)
    stage = serializers.ChoiceField(choices=ActionPlan.Stage.choices, required=False)
    language = serializers.ChoiceField(choices=ActionPlan.Language.choices, required=False)
    message = serializers.CharField(
        allow_blank=True, required=False, default="", max_length=500, help_text="Why: kept in the history."
    )
    actions = ActionInputSerializer(
        many=True,
        required=False,
        help_text="Actions in the wanted order. Actions you leave out stay as they are.",
    )


class TransitionSerializer(serializers.Serializer):
    message = serializers.CharField(allow_blank=True, required=False, default="", max_length=500)


class SendBackSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=500, help_text="Why the plan goes back to draft.")


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Edit",
            value={
                "number": 7,
                "kind": "edited",
                "kind_display": "edited",
                "author": "Ana Novak",
                "created": "2025-05-20T14:02:11+02:00",
                "message": "Dodan ukrep o odprtih podatkih.",
            },
            response_only=True,
        )
    ]
)
class PlanRevisionSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    author = serializers.SerializerMethodField()

    class Meta:
        model = PlanRevision
        fields = ["number", "kind", "kind_display", "author", "created", "message"]

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_author(self, revision):
        """The author's contact name (members and the secretariat only see revisions)."""
        user = revision.author
        if user is None:
            return None
        person = getattr(user, "person", None)
        return person.name if person is not None else None


class ConflictSerializer(serializers.Serializer):
    status = serializers.IntegerField()
    code = serializers.CharField()
    detail = serializers.CharField()
    errors = serializers.ListField(child=serializers.DictField())
    current = ActionPlanSerializer(help_text="The plan as it is now.")


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Mark an action done",
            value={"version": 3, "status": "done", "message": "Katalog je objavljen."},
            request_only=True,
        )
    ]
)
class ActionUpdateSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1, help_text="The action's version you started from; 409 if someone changed it since."
    )
    pillar = serializers.ChoiceField(choices=Action.Pillar.choices, required=False)
    proposed_action = serializers.CharField(max_length=20_000, required=False)
    bottleneck = serializers.CharField(allow_blank=True, required=False, max_length=20_000)
    deadline = serializers.DateField(required=False, allow_null=True)
    status = serializers.ChoiceField(choices=Action.Status.choices, required=False)
    indicators = serializers.CharField(allow_blank=True, required=False, max_length=20_000)
    responsible_partners = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, max_length=200, help_text="Ids of organisations."
    )
    message = serializers.CharField(allow_blank=True, required=False, default="", max_length=500)
