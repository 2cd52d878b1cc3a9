"""Public representations of the partnership. Each ``fields`` list is the allow-list of what the public sees."""

from drf_spectacular.utils import OpenApiExample, extend_schema_field, extend_schema_serializer
from rest_framework import serializers

from coalition.api.serializers import MustBeTrueField, OrganisationSummarySerializer
from partnership.models import ActionPlan, GoodPractice, Meeting, Membership, Milestone, Partner, Partnership, Subgroup

ORGANISATION_EXAMPLE = {
    "id": 213,
    "slug": "sos",
    "name_sl": "Skupnost občin Slovenije",
    "name_en": "Association of Municipalities of Slovenia",
    "kind": "association",
    "country": "SI",
}


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Partnership for Digital Transition",
            value={
                "id": 1,
                "slug": "digitalni-prehod",
                "name_sl": "Partnerstvo za digitalni prehod",
                "name_en": "Partnership for Digital Transition",
                "purpose_sl": "Pospešiti digitalni prehod mest.",
                "purpose_en": "Speed up the digital transition of cities.",
                "goals_sl": "",
                "goals_en": "",
                "key_problems_sl": "",
                "key_problems_en": "",
                "sos_joined_on": "2024-03-14",
            },
            response_only=True,
        )
    ]
)
class PartnershipSerializer(serializers.ModelSerializer):
    class Meta:
        model = Partnership
        fields = [
            "id",
            "slug",
            "name_sl",
            "name_en",
            "purpose_sl",
            "purpose_en",
            "goals_sl",
            "goals_en",
            "key_problems_sl",
            "key_problems_en",
            "sos_joined_on",
        ]


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Coordinating partner",
            value={
                "id": 4,
                "partnership": "digitalni-prehod",
                "organisation": ORGANISATION_EXAMPLE,
                "category": "european_association",
                "category_display": "European association",
                "is_coordinator": True,
            },
            response_only=True,
        )
    ]
)
class PartnerSerializer(serializers.ModelSerializer):
    partnership = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    organisation = OrganisationSummarySerializer(read_only=True)
    category_display = serializers.CharField(source="get_category_display", read_only=True)

    class Meta:
        model = Partner
        fields = ["id", "partnership", "organisation", "category", "category_display", "is_coordinator"]


ROLE_RANK = {Membership.Role.LEAD: 0, Membership.Role.MEMBER: 1, Membership.Role.AD_HOC: 2}


class MemberOrganisationSerializer(serializers.Serializer):
    slug = serializers.CharField()
    name_sl = serializers.CharField()
    name_en = serializers.CharField()
    role = serializers.ChoiceField(
        choices=Membership.Role.choices, help_text="The highest role any of its people hold."
    )


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Priority area",
            value={
                "id": 2,
                "slug": "pametna-mesta",
                "partnership": "digitalni-prehod",
                "name_sl": "Pametna mesta",
                "name_en": "Smart cities",
                "description_sl": "",
                "description_en": "",
                "kind": "priority",
                "kind_display": "priority area",
                "member_organisations": [
                    {
                        "slug": "mestna-obcina-ljubljana",
                        "name_sl": "Mestna občina Ljubljana",
                        "name_en": "City of Ljubljana",
                        "role": "lead",
                    }
                ],
            },
            response_only=True,
        )
    ]
)
class SubgroupSerializer(serializers.ModelSerializer):
    partnership = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)
    member_organisations = serializers.SerializerMethodField()

    class Meta:
        model = Subgroup
        fields = [
            "id",
            "slug",
            "partnership",
            "name_sl",
            "name_en",
            "description_sl",
            "description_en",
            "kind",
            "kind_display",
            "member_organisations",
        ]

    @extend_schema_field(MemberOrganisationSerializer(many=True))
    def get_member_organisations(self, subgroup):
        """Organisations taking part (never the people: their names are not all public)."""
        best = {}
        for membership in subgroup.memberships.all():  # prefetched with organisations
            organisation = membership.organisation
            if organisation is None:
                continue
            current = best.get(organisation.pk)
            if current is None or ROLE_RANK.get(membership.role, 9) < ROLE_RANK.get(current[1], 9):
                best[organisation.pk] = (organisation, membership.role)
        ordered = sorted(best.values(), key=lambda item: (ROLE_RANK.get(item[1], 9), item[0].name))
        return [{"slug": org.slug, "name_sl": org.name, "name_en": org.name_en, "role": role} for org, role in ordered]


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Subgroup meeting",
            value={
                "id": 7,
                "slug": "2025-05-bruselj",
                "partnership": "digitalni-prehod",
                "subgroup": "pametna-mesta",
                "title_sl": "Sestanek podskupine",
                "title_en": "Subgroup meeting",
                "starts_on": "2025-05-12",
                "ends_on": "2025-05-13",
                "place": "Bruselj",
                "minutes_sl": "",
                "minutes_en": "",
            },
            response_only=True,
        )
    ]
)
class MeetingSerializer(serializers.ModelSerializer):
    partnership = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    subgroup = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "slug",
            "partnership",
            "subgroup",
            "title_sl",
            "title_en",
            "starts_on",
            "ends_on",
            "place",
            "minutes_sl",
            "minutes_en",
        ]


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Orientation paper",
            value={
                "id": 1,
                "partnership": "digitalni-prehod",
                "kind": "orientation_paper",
                "kind_display": "orientation paper",
                "title_sl": "Orientacijski dokument",
                "title_en": "Orientation paper",
                "due_on": "2025-06-01",
                "month_only": True,
            },
            response_only=True,
        )
    ]
)
class MilestoneSerializer(serializers.ModelSerializer):
    partnership = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    kind_display = serializers.CharField(source="get_kind_display", read_only=True)

    class Meta:
        model = Milestone
        fields = ["id", "partnership", "kind", "kind_display", "title_sl", "title_en", "due_on", "month_only"]


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Interest in two subgroups",
            value={
                "partnership": "digitalni-prehod",
                "name": "Ana Novak",
                "email": "ana.novak@example.org",
                "organisation_name": "Občina Primer",
                "subgroups": ["pametna-mesta", "digitalne-kompetence"],
                "message": "Radi bi sodelovali pri akcijskem načrtu.",
                "privacy_consent": True,
            },
            request_only=True,
        )
    ]
)
class InterestExpressionSerializer(serializers.Serializer):
    """What the public interest form asks; the form's own rules decide what is valid."""

    partnership = serializers.SlugRelatedField(slug_field="slug", queryset=Partnership.objects.all())
    name = serializers.CharField(max_length=200)
    email = serializers.EmailField(max_length=254)
    organisation_name = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    subgroups = serializers.ListField(
        child=serializers.SlugField(max_length=50), min_length=1, max_length=50, help_text="Slugs of subgroups."
    )
    message = serializers.CharField(max_length=4000, required=False, allow_blank=True, default="")
    privacy_consent = MustBeTrueField(help_text="Must be true: you agree to the privacy notice.")
    language = serializers.ChoiceField(
        choices=ActionPlan.Language.choices,
        required=False,
        help_text="Language of the receipt; defaults to the request's language.",
    )


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "Received",
            value={"detail": "Thank you. We sent a receipt to the address you gave; the secretariat will be in touch."},
            response_only=True,
        )
    ]
)
class AcceptedSerializer(serializers.Serializer):
    detail = serializers.CharField()


class MunicipalityCodeNameSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()


@extend_schema_serializer(
    examples=[
        OpenApiExample(
            "E-applications",
            value={
                "id": 3,
                "title": "E-vloge za komunalne prispevke",
                "organisation": ORGANISATION_EXAMPLE,
                "municipality": {"code": "SI-036", "name": "Idrija"},
                "subgroup": "euprava",
                "summary": "Občani oddajo vloge prek spleta.",
                "problem_solved": "Čakalne vrste na občini.",
                "cost_range": "under_10k",
                "cost_range_display": "under €10,000",
                "contact_name": "Vodja informatike, Občina Idrija",
                "link": "https://www.idrija.si/",
                "tags": ["e-storitve"],
                "published_at": "2025-04-02T10:00:00+02:00",
            },
            response_only=True,
        )
    ]
)
class GoodPracticeSerializer(serializers.ModelSerializer):
    organisation = OrganisationSummarySerializer(read_only=True, allow_null=True)
    municipality = MunicipalityCodeNameSerializer(read_only=True, allow_null=True)
    subgroup = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    cost_range_display = serializers.CharField(source="get_cost_range_display", read_only=True)
    tags = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta:
        model = GoodPractice
        fields = [
            "id",
            "title",
            "organisation",
            "municipality",
            "subgroup",
            "summary",
            "problem_solved",
            "cost_range",
            "cost_range_display",
            "contact_name",
            "link",
            "tags",
            "published_at",
        ]
