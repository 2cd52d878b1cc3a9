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


def _month_starts(first, last):
    starts = []
    month = date(first.year, first.month, 1)
    while month <= last:
        starts.append(month)
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return starts


def interest_per_month(at_least=12, at_most=36):
    """[(first day of month, count)] from the first expression of interest (or a year ago) to this month."""
    today = timezone.localdate()
    this_month = date(today.year, today.month, 1)
    earliest = date(this_month.year - 1, this_month.month, 1) if at_least >= 12 else this_month
    first = ExpressionOfInterest.objects.order_by("created").values_list("created", flat=True).first()
    if first is not None:
        first = timezone.localdate(first)
        earliest = min(earliest, date(first.year, first.month, 1))
    starts = _month_starts(earliest, this_month)[-at_most:]
    counts = {}
    for row in (
        ExpressionOfInterest.objects.filter(created__date__gte=starts[0])
        .annotate(month=TruncMonth("created"))
        .values("month")
        .annotate(n=Count("pk"))
    ):
        month = row["month"]
        month = timezone.localdate(month) if hasattr(month, "tzinfo") and hasattr(month, "hour") else month
        counts[date(month.year, month.month, 1)] = row["n"]
    return [(start, counts.get(start, 0)) for start in starts]
