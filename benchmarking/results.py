"""Benchmark results computed from submitted self-assessments only.

Everything is read in a fixed number of queries and worked out in Python: 212 municipalities
times about 15 indicators is small. A municipality without a submitted assessment has *no
answer*: it is left out of medians and counts, and shown as such, never as zero.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from statistics import median

from benchmarking.models import Answer, Assessment, Framework
from coalition.models import Municipality

DISTRIBUTION_BINS = [(0, 20), (20, 40), (40, 60), (60, 80), (80, 101)]


def _median(values):
    values = [v for v in values if v is not None]
    return median(values) if values else None


@dataclass
class YearResults:
    """One year of one framework version: every municipality's answers and the national picture."""

    framework: Framework
    year: int
    indicators: list
    municipalities: list
    values: dict = field(default_factory=dict)  # municipality_id -> {indicator_id: Decimal}

    @property
    def answered_ids(self):
        return set(self.values)

    @property
    def answered_count(self):
        return len(self.values)

    @property
    def no_answer_count(self):
        return len(self.municipalities) - self.answered_count

    def value(self, municipality, indicator):
        return self.values.get(municipality.pk, {}).get(indicator.pk)

    def has_answered(self, municipality):
        return municipality.pk in self.values

    def scores(self, indicator, kind=None):
        ids = self._ids_of_kind(kind)
        return [indicator.score(v[indicator.pk]) for mid, v in self.values.items() if mid in ids and indicator.pk in v]

    def _ids_of_kind(self, kind):
        return {m.pk for m in self.municipalities if kind is None or m.kind == kind}

    def median_score(self, indicator, kind=None):
        return _median(self.scores(indicator, kind))

    def median_value(self, indicator, kind=None):
        ids = self._ids_of_kind(kind)
        return _median([v.get(indicator.pk) for mid, v in self.values.items() if mid in ids])

    def reached_count(self, indicator):
        return sum(1 for v in self.values.values() if indicator.is_reached(v.get(indicator.pk)))

    def overall_score(self, municipality_id):
        """Mean progress over the indicators answered, or None for no answer."""
        answers = self.values.get(municipality_id)
        if not answers:
            return None
        scores = [i.score(answers.get(i.pk)) for i in self.indicators if answers.get(i.pk) is not None]
        return sum(scores) / len(scores) if scores else None

    def overall_scores(self, kind=None):
        ids = self._ids_of_kind(kind)
        return {mid: self.overall_score(mid) for mid in self.values if mid in ids}

    def median_overall(self, kind=None):
        return _median(self.overall_scores(kind).values())

    def ranking(self):
        """Indicators by how many municipalities have reached them, most first."""
        rows = [(indicator, self.reached_count(indicator)) for indicator in self.indicators]
        return sorted(rows, key=lambda row: (-row[1], row[0].order, row[0].code))

    def distribution(self):
        """How many municipalities fall in each fifth of the overall score (no answer is not a bin)."""
        scores = list(self.overall_scores().values())
        return [
            (low, min(high, 100), sum(1 for s in scores if s is not None and low <= s < high))
            for low, high in DISTRIBUTION_BINS
        ]

    def gap(self):
        """Pioneers vs beginners: the overall score at the top and bottom tenth of those who answered."""
        scores = sorted(s for s in self.overall_scores().values() if s is not None)
        if not scores:
            return None
        low = scores[int(len(scores) * 0.1)]
        high = scores[min(len(scores) - 1, int(len(scores) * 0.9))]
        return {"beginners": low, "pioneers": high, "gap": high - low}

    def league(self):
        """Every municipality with its overall score; those without an answer last, marked None."""
        scored = [(m, self.overall_score(m.pk)) for m in self.municipalities]
        return sorted(scored, key=lambda row: (row[1] is None, -(row[1] or 0), row[0].name))


def years_with_results():
    return list(Assessment.objects.submitted().order_by("-year").values_list("year", flat=True).distinct())


def framework_for_year(year):
    """The framework most submissions of ``year`` used (normally the only one)."""
    from django.db.models import Count

    row = (
        Assessment.objects.submitted()
        .filter(year=year)
        .values("framework")
        .annotate(n=Count("id"))
        .order_by("-n", "-framework__version")
        .first()
    )
    if row is None:
        return None
    return Framework.objects.get(pk=row["framework"])


def load_year(*, framework, year, municipalities=None):
    """Results of ``framework`` in ``year``: three queries, whatever the number of municipalities."""
    indicators = list(framework.indicators.select_related("subgroup"))
    if municipalities is None:
        municipalities = list(Municipality.objects.order_by("name"))
    results = YearResults(framework=framework, year=year, indicators=indicators, municipalities=municipalities)
    rows = Answer.objects.filter(
        assessment__status=Assessment.Status.SUBMITTED,
        assessment__year=year,
        assessment__framework=framework,
        value__isnull=False,
    ).values_list("assessment__municipality_id", "indicator_id", "value")
    for municipality_id, indicator_id, value in rows:
        results.values.setdefault(municipality_id, {})[indicator_id] = value
    return results


@dataclass
class YearPoint:
    year: int
    score: float | None
    national: float | None
    peers: float | None


def progress(municipality):
    """Year over year: this municipality's overall score beside the national and peer medians.

    Three queries for all years together. Years in which the municipality did not submit show
    its score as None (no answer).
    """
    indicators = {}
    for framework in Framework.objects.filter(assessments__status=Assessment.Status.SUBMITTED).distinct():
        for indicator in framework.indicators.all():
            indicators[indicator.pk] = indicator
    kinds = dict(Municipality.objects.values_list("pk", "kind"))
    per_year = defaultdict(lambda: defaultdict(list))  # year -> municipality -> [scores]
    rows = Answer.objects.filter(assessment__status=Assessment.Status.SUBMITTED, value__isnull=False).values_list(
        "assessment__year", "assessment__municipality_id", "indicator_id", "value"
    )
    for year, municipality_id, indicator_id, value in rows:
        indicator = indicators.get(indicator_id)
        if indicator is not None:
            per_year[year][municipality_id].append(indicator.score(value))
    points = []
    for year in sorted(per_year):
        overall = {mid: sum(s) / len(s) for mid, s in per_year[year].items() if s}
        peers = [s for mid, s in overall.items() if kinds.get(mid) == municipality.kind]
        points.append(
            YearPoint(
                year=year,
                score=overall.get(municipality.pk),
                national=_median(overall.values()),
                peers=_median(peers),
            )
        )
    return points
