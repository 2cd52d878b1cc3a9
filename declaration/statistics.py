"""Figures about confirmed signatures, cached per version of the signatures (see ``declaration.cache``)."""

from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _

from coalition import charts
from coalition.models import Municipality, Organisation
from declaration import tally
from declaration.cache import cached
from declaration.models import SignatoryType, Signature, SignatureTally


def confirmed_count(declaration):
    """The maintained tally (one row read, none if the declaration came with ``select_related("tally")``)."""
    try:
        return declaration.tally.confirmed
    except SignatureTally.DoesNotExist:
        return tally.recount(declaration.pk).confirmed


def municipalities_signed(declaration):
    """[(municipality id, name, SOS member)] of municipalities that signed as an institution."""

    def compute():
        ids = set(
            Signature.objects.filter(declaration=declaration, signatory_type=SignatoryType.MUNICIPALITY)
            .confirmed()
            .as_institutions()
            .exclude(municipality=None)
            .values_list("municipality_id", flat=True)
        )
        sos = set(
            Organisation.objects.municipal()
            .filter(municipality_id__in=ids, sos_member=True)
            .values_list("municipality_id", flat=True)
        )
        rows = Municipality.objects.filter(pk__in=ids).order_by("name").values_list("pk", "name")
        return [(pk, name, pk in sos) for pk, name in rows]

    return cached(declaration.pk, "municipalities-signed", compute)


def municipality_total():
    return cached(0, "municipality-total", Municipality.objects.count)


def counts_by_type(declaration):
    """{listed type: count}; an unverified institution counts as an individual."""

    def compute():
        confirmed = Signature.objects.filter(declaration=declaration).confirmed()
        counts = {value: 0 for value in SignatoryType.values}
        rows = confirmed.as_institutions().values("signatory_type").annotate(n=Count("pk"))
        for row in rows:
            counts[row["signatory_type"]] = row["n"]
        counts[SignatoryType.INDIVIDUAL] = confirmed_count(declaration) - sum(
            n for kind, n in counts.items() if kind != SignatoryType.INDIVIDUAL
        )
        return counts

    return cached(declaration.pk, "counts-by-type", compute)


def signatures_over_time(declaration):
    """[(period start date, new signatures, running total)] by day, or by month over longer spans."""

    def compute():
        confirmed = Signature.objects.filter(declaration=declaration).confirmed().exclude(confirmed_at=None)
        first = confirmed.order_by("confirmed_at").values_list("confirmed_at", flat=True).first()
        if first is None:
            return {"unit": "day", "rows": []}
        by_month = timezone.now() - first > timedelta(days=62)
        trunc = TruncMonth if by_month else TruncDate
        rows = (
            confirmed.annotate(period=trunc("confirmed_at"))
            .values("period")
            .annotate(n=Count("pk"))
            .order_by("period")
            .values_list("period", "n")
        )
        running, result = 0, []
        for period, n in rows:
            running += n
            day = period.date() if hasattr(period, "date") else period
            result.append((day, n, running))
        return {"unit": "month" if by_month else "day", "rows": result}

    return cached(declaration.pk, "over-time", compute)


def over_time_chart(over_time):
    """The SVG of new confirmed signatures per day (or month), or None before the first one."""
    rows = over_time["rows"]
    if not rows:
        return None
    if over_time["unit"] == "month":
        title = _("New confirmed signatures per month")
        labels = [(date_format(day, "n/Y"), date_format(day, "n/Y")) for day, _n, _total in rows]
    else:
        title = _("New confirmed signatures per day")
        labels = [(date_format(day, "j. n."), date_format(day, "j. n. Y")) for day, _n, _total in rows]
    return charts.timeline_chart(
        [(axis, full, n) for (axis, full), (_day, n, _total) in zip(labels, rows, strict=True)],
        title=title,
        desc=_("Bar chart; the same figures are in the table below."),
        uid="over-time",
    )
