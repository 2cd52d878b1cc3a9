import django_filters
from django.db.models import Q

from coalition.filtersets import StrictBooleanFilter, StrictFilterSet, UTCDateTimeFilter
from partnership.models import ActionPlan, GoodPractice, Meeting, Milestone, Partner, Subgroup


class PartnerFilter(StrictFilterSet):
    partnership = django_filters.CharFilter(field_name="partnership__slug", help_text="Slug of the partnership.")
    category = django_filters.MultipleChoiceFilter(
        choices=Partner.Category.choices, help_text="Partner category; repeat for several."
    )
    kind = django_filters.CharFilter(field_name="organisation__kind", help_text="Kind of the partner organisation.")
    country = django_filters.CharFilter(
        field_name="organisation__country", help_text="ISO 3166-1 alpha-2 code of the partner's country."
    )
    is_coordinator = StrictBooleanFilter(help_text="Only coordinators (true) or only the others (false).")

    class Meta:
        model = Partner
        fields = ["partnership", "category", "kind", "country", "is_coordinator"]


class SubgroupFilter(StrictFilterSet):
    partnership = django_filters.CharFilter(field_name="partnership__slug", help_text="Slug of the partnership.")
    kind = django_filters.ChoiceFilter(choices=Subgroup.Kind.choices, help_text="Priority or horizontal area.")
    organisation = django_filters.CharFilter(
        field_name="memberships__organisation__slug",
        distinct=True,
        help_text="Slug of an organisation taking part in the subgroup.",
    )

    class Meta:
        model = Subgroup
        fields = ["partnership", "kind", "organisation"]


class MeetingFilter(StrictFilterSet):
    partnership = django_filters.CharFilter(field_name="partnership__slug", help_text="Slug of the partnership.")
    subgroup = django_filters.CharFilter(field_name="subgroup__slug", help_text="Slug of the subgroup.")
    starts_after = django_filters.DateFilter(
        field_name="starts_on", lookup_expr="gte", help_text="Meetings starting on or after this date (YYYY-MM-DD)."
    )
    starts_before = django_filters.DateFilter(
        field_name="starts_on", lookup_expr="lte", help_text="Meetings starting on or before this date (YYYY-MM-DD)."
    )

    class Meta:
        model = Meeting
        fields = ["partnership", "subgroup", "starts_after", "starts_before"]


class MilestoneFilter(StrictFilterSet):
    partnership = django_filters.CharFilter(field_name="partnership__slug", help_text="Slug of the partnership.")
    kind = django_filters.ChoiceFilter(choices=Milestone.Kind.choices, help_text="Kind of milestone.")
    due_after = django_filters.DateFilter(
        field_name="due_on", lookup_expr="gte", help_text="Due on or after this date (YYYY-MM-DD)."
    )
    due_before = django_filters.DateFilter(
        field_name="due_on", lookup_expr="lte", help_text="Due on or before this date (YYYY-MM-DD)."
    )

    class Meta:
        model = Milestone
        fields = ["partnership", "kind", "due_after", "due_before"]


class ActionPlanFilter(StrictFilterSet):
    subgroup = django_filters.CharFilter(field_name="subgroup__slug", help_text="Slug of the subgroup.")
    stage = django_filters.ChoiceFilter(choices=ActionPlan.Stage.choices, help_text="Stage of the plan.")
    status = django_filters.ChoiceFilter(
        choices=ActionPlan.Status.choices, help_text="Status (anonymous clients only see published plans)."
    )
    language = django_filters.ChoiceFilter(
        choices=ActionPlan.Language.choices, help_text="Language of the plan's content."
    )
    updated_after = UTCDateTimeFilter(
        field_name="updated", lookup_expr="gte", help_text="Changed at or after this moment (ISO 8601)."
    )
    published_after = django_filters.DateFilter(
        field_name="published_at__date", lookup_expr="gte", help_text="Published on or after this date (YYYY-MM-DD)."
    )
    published_before = django_filters.DateFilter(
        field_name="published_at__date", lookup_expr="lte", help_text="Published on or before this date (YYYY-MM-DD)."
    )

    class Meta:
        model = ActionPlan
        fields = ["subgroup", "stage", "status", "language", "updated_after", "published_after", "published_before"]


class GoodPracticeFilter(StrictFilterSet):
    subgroup = django_filters.CharFilter(field_name="subgroup__slug", help_text="Slug of the subgroup.")
    organisation = django_filters.CharFilter(field_name="organisation__slug", help_text="Slug of the organisation.")
    municipality = django_filters.CharFilter(
        method="filter_municipality",
        help_text="ISO 3166-2:SI code: practices carried out there or by an organisation seated there.",
    )
    cost_range = django_filters.ChoiceFilter(choices=GoodPractice.CostRange.choices, help_text="Cost range.")
    tag = django_filters.CharFilter(field_name="tags__name", distinct=True, help_text="Name of a tag.")
    published_after = django_filters.DateFilter(
        field_name="published_at__date", lookup_expr="gte", help_text="Published on or after this date (YYYY-MM-DD)."
    )
    published_before = django_filters.DateFilter(
        field_name="published_at__date", lookup_expr="lte", help_text="Published on or before this date (YYYY-MM-DD)."
    )

    class Meta:
        model = GoodPractice
        fields = [
            "subgroup",
            "organisation",
            "municipality",
            "cost_range",
            "tag",
            "published_after",
            "published_before",
        ]

    def filter_municipality(self, queryset, name, value):
        return queryset.filter(Q(municipality__code=value) | Q(organisation__municipality__code=value))
