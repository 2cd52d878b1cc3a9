"""Figures about confirmed signatures, cached per version of the signatures (see ``declaration.cache``)."""

from datetime import timedelta

from django.db.models import Count
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone

from coalition.models import Municipality, Organisation
from declaration.cache import cached
from declaration.models import SignatoryType, Signature

CHART_WIDTH = 720
CHART_HEIGHT = 240
CHART_PADDING = {"top": 16, "right": 12, "bottom": 44, "left": 48}


def confirmed_count(declaration):
    return cached(
        declaration.pk, "confirmed-count", lambda: Signature.objects.filter(declaration=declaration).confirmed().count()
    )


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
        counts[SignatoryType.INDIVIDUAL] = confirmed.count() - sum(
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


def bar_chart(rows):
    """Geometry of a bar chart of new signatures per period, for a server-rendered SVG."""
    if not rows:
        return None
    left, top = CHART_PADDING["left"], CHART_PADDING["top"]
    plot_width = CHART_WIDTH - left - CHART_PADDING["right"]
    plot_height = CHART_HEIGHT - top - CHART_PADDING["bottom"]
    peak = max(n for _, n, _ in rows) or 1
    slot = plot_width / len(rows)
    bar_width = max(min(slot * 0.7, 48), 1)
    label_every = max(1, len(rows) // 8)
    bars = []
    for index, (day, n, _total) in enumerate(rows):
        height = plot_height * n / peak
        x = left + index * slot + (slot - bar_width) / 2
        bars.append(
            {
                "x": round(x, 1),
                "y": round(top + plot_height - height, 1),
                "width": round(bar_width, 1),
                "height": round(height, 1),
                "day": day,
                "n": n,
                "label_x": round(x + bar_width / 2, 1),
                "show_label": index % label_every == 0,
            }
        )
    ticks = sorted({0, peak // 2, peak})
    return {
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "bars": bars,
        "baseline_y": top + plot_height,
        "left": left,
        "right": CHART_WIDTH - CHART_PADDING["right"],
        "label_y": top + plot_height + 18,
        "ticks": [{"value": t, "y": round(top + plot_height - plot_height * t / peak, 1)} for t in ticks],
    }
