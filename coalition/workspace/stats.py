"""The numbers behind the statistics page."""

from datetime import date

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from coalition.models import Municipality, Organisation
from partnership.models import ExpressionOfInterest, Membership, Subgroup

MUNICIPALITY_TOTAL = 212


def people_per_subgroup_and_role():
    """[(subgroup, {role: count})] for every subgroup, counting people and organisation-only places."""
    counts = {
        (row["subgroup"], row["role"]): row["n"]
        for row in Membership.objects.values("subgroup", "role").annotate(n=Count("pk"))
    }
    return [
        (subgroup, {role: counts.get((subgroup.pk, role), 0) for role in Membership.Role.values})
        for subgroup in Subgroup.objects.all()
    ]


def organisations_by_kind():
    counts = dict(Organisation.objects.values_list("kind").annotate(n=Count("pk")))
    return [(label, counts.get(value, 0)) for value, label in Organisation.Kind.choices if counts.get(value)]


def sos_coverage():
    total = Municipality.objects.count() or MUNICIPALITY_TOTAL
    members = Organisation.objects.municipal().sos_members()
    with_contacts = members.filter(people__isnull=False).distinct().count()
    return {"total": total, "members": members.count(), "with_contacts": with_contacts}


def interest_per_month(months=12):
    today = timezone.localdate()
    first = date(today.year, today.month, 1)
    starts = []
    for _i in range(months):
        starts.append(first)
        first = date(first.year - (first.month == 1), (first.month - 2) % 12 + 1, 1)
    starts.reverse()
    counts = {
        row["month"].date() if hasattr(row["month"], "date") else row["month"]: row["n"]
        for row in ExpressionOfInterest.objects.filter(created__date__gte=starts[0])
        .annotate(month=TruncMonth("created"))
        .values("month")
        .annotate(n=Count("pk"))
    }
    return [(start, counts.get(start, 0)) for start in starts]
