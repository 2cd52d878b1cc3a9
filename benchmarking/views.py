"""Benchmarking pages: the public comparison, the national overview, CSV, and municipalities' self-assessment."""

# ruff: noqa: E501 - SVG markup and bilingual prose read better unbroken

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from benchmarking import permissions, results, services
from benchmarking.forms import AssessmentForm
from benchmarking.models import FIRST_YEAR, Assessment, Framework
from coalition import charts
from coalition.models import Municipality


def _year_or_404(year):
    if not FIRST_YEAR <= year <= timezone.localdate().year:
        raise Http404
    return year


def _chosen_year(request, years):
    """The year asked for in ?year= if results exist for it, else the latest with results."""
    try:
        asked = int(request.GET.get("year", ""))
    except ValueError:
        asked = None
    if asked in years:
        return asked
    return years[0] if years else None


def _kind_label(municipality):
    return _("urban municipalities") if municipality.is_urban else _("other municipalities (not urban)")


@require_GET
def overview(request):
    """The national picture: which indicators most municipalities reach, and how wide the gap is."""
    years = results.years_with_results()
    year = _chosen_year(request, years)
    framework = results.framework_for_year(year) if year else Framework.objects.current()
    context = {"years": years, "year": year, "framework": framework, "municipalities": Municipality.objects.all()}
    if year and framework:
        data = results.load_year(framework=framework, year=year)
        ranking = [(indicator, reached) for indicator, reached in data.ranking()]
        distribution = data.distribution()
        context.update(
            data=data,
            ranking=ranking,
            distribution=distribution,
            gap=data.gap(),
            league=data.league(),
            ranking_chart=charts.ranking_chart(
                [(indicator.name, reached) for indicator, reached in ranking],
                total=data.answered_count,
                uid="ranking",
                title=_("Indicators by the number of municipalities that have reached them, %(year)s") % {"year": year},
                desc=_("Out of the %(answered)s municipalities that answered; %(missing)s have not answered.")
                % {"answered": data.answered_count, "missing": data.no_answer_count},
            ),
            distribution_chart=charts.distribution_chart(
                distribution,
                no_answer=data.no_answer_count,
                uid="distribution",
                title=_("How municipalities are spread by overall score, %(year)s") % {"year": year},
                desc=_(
                    "Number of municipalities in each fifth of the overall score, and apart from them those that have not answered."
                ),
            ),
        )
    return render(request, "benchmarking/overview.html", context)


@require_GET
def find_municipality(request):
    code = request.GET.get("code", "")
    municipality = Municipality.objects.filter(code=code).first()
    if municipality is None:
        return redirect("benchmarking:overview")
    return redirect("benchmarking:municipality", code=municipality.code)


@require_GET
def municipality_detail(request, code):
    """One municipality against the national median and its peers (urban or not), and over the years."""
    municipality = get_object_or_404(Municipality, code=code)
    latest = (
        Assessment.objects.submitted()
        .filter(municipality=municipality)
        .select_related("framework")
        .order_by("-year")
        .first()
    )
    years = results.years_with_results()
    if latest is not None:
        year, framework = latest.year, latest.framework
    else:
        year = years[0] if years else None
        framework = results.framework_for_year(year) if year else Framework.objects.current()
    asked = _chosen_year(request, years)
    if request.GET.get("year") and asked and asked != year:
        year, framework = asked, results.framework_for_year(asked)
    peers_label = _kind_label(municipality)
    context = {
        "municipality": municipality,
        "year": year,
        "years": years,
        "framework": framework,
        "peers_label": peers_label,
        "is_staff_of": permissions.is_staff_of(request.user, municipality),
        "can_view_assessment": permissions.can_view_assessment(request.user, municipality),
    }
    if framework is not None and year is not None:
        data = results.load_year(framework=framework, year=year)
        rows = []
        for indicator in data.indicators:
            value = data.value(municipality, indicator)
            rows.append(
                {
                    "indicator": indicator,
                    "label": indicator.name,
                    "value": value,
                    "value_text": indicator.display_value(value),
                    "score": indicator.score(value),
                    "national": data.median_score(indicator),
                    "peers": data.median_score(indicator, kind=municipality.kind),
                    "national_value": data.median_value(indicator),
                    "peers_value": data.median_value(indicator, kind=municipality.kind),
                    "reached": indicator.is_reached(value),
                }
            )
        for row in rows:
            row["national_text"] = row["indicator"].display_value(row["national_value"])
            row["peers_text"] = row["indicator"].display_value(row["peers_value"])
        answered = data.has_answered(municipality)
        context.update(
            data=data,
            rows=rows,
            answered=answered,
            overall=data.overall_score(municipality.pk),
            national_overall=data.median_overall(),
            peers_overall=data.median_overall(kind=municipality.kind),
            profile_chart=charts.profile_chart(
                rows,
                uid="profile",
                subject_label=municipality.name,
                peers_label=peers_label,
                title=_("%(municipality)s in %(year)s: score per indicator (0–100) against the medians")
                % {"municipality": municipality.name, "year": year},
                desc=(
                    _(
                        "Bars show the municipality's score; a vertical line the national median; a diamond the median of %(peers)s."
                    )
                    % {"peers": peers_label}
                    + (" " + _("This municipality has not answered.") if not answered else "")
                ),
            ),
        )
    points = results.progress(municipality)
    context["progress"] = points
    if points:
        context["progress_chart"] = charts.progress_chart(
            points,
            uid="progress",
            subject_label=municipality.name,
            peers_label=peers_label,
            title=_("%(municipality)s: overall score by year") % {"municipality": municipality.name},
            desc=_("Overall score (0–100) by year, with the national median and the median of %(peers)s.")
            % {"peers": peers_label},
        )
    return render(request, "benchmarking/municipality.html", context)


@require_GET
def framework_detail(request):
    """The indicators in use, with what each measures and why."""
    framework = Framework.objects.current()
    indicators = framework.indicators.select_related("subgroup") if framework else []
    return render(request, "benchmarking/framework.html", {"framework": framework, "indicators": indicators})


@require_GET
def results_csv(request):
    """Every municipality × indicator for one year; "no answer" rows have an empty value, never 0."""
    years = results.years_with_results()
    year = _chosen_year(request, years)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="benchmarking-{year or "none"}.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            "municipality_code",
            "municipality",
            "municipality_kind",
            "year",
            "framework_version",
            "indicator_code",
            "indicator",
            "answer_type",
            "status",
            "value",
            "score",
            "reached",
        ]
    )
    if year is None:
        return response
    data = results.load_year(framework=results.framework_for_year(year), year=year)
    for municipality in sorted(data.municipalities, key=lambda m: m.code):
        answered = data.has_answered(municipality)
        for indicator in data.indicators:
            value = data.value(municipality, indicator)
            score = indicator.score(value)
            writer.writerow(
                [
                    municipality.code,
                    municipality.name,
                    municipality.kind,
                    year,
                    data.framework.version,
                    indicator.code,
                    indicator.name,
                    indicator.answer_type,
                    "answered" if answered and value is not None else "no answer",
                    "" if value is None else f"{value.normalize():f}",
                    "" if score is None else round(score, 1),
                    "" if value is None else ("yes" if indicator.is_reached(value) else "no"),
                ]
            )
    return response


# --- Self-assessment ---------------------------------------------------------------------


@login_required
def my_assessments(request):
    """A municipality's staff member's starting point: this year's assessment and earlier ones."""
    municipality = permissions.municipality_of(request.user)
    if municipality is None:
        return render(request, "benchmarking/not_municipal_staff.html", status=403)
    assessments = {a.year: a for a in municipality.assessments.select_related("framework")}
    this_year = timezone.localdate().year
    years = sorted(set(assessments) | {this_year, this_year - 1}, reverse=True)
    rows = [(year, assessments.get(year)) for year in years if year >= FIRST_YEAR]
    return render(request, "benchmarking/my_assessments.html", {"municipality": municipality, "rows": rows})


def _assessment_context(request, municipality, year, assessment):
    framework = assessment.framework if assessment else Framework.objects.current()
    if framework is None:
        raise Http404
    indicators = list(framework.indicators.select_related("subgroup"))
    return framework, indicators


@login_required
def assessment_form(request, code, year):
    municipality = get_object_or_404(Municipality, code=code)
    _year_or_404(year)
    if not permissions.can_view_assessment(request.user, municipality):
        raise PermissionDenied
    assessment = (
        Assessment.objects.select_related("framework", "submitted_by", "reopened_by")
        .filter(municipality=municipality, year=year)
        .first()
    )
    framework, indicators = _assessment_context(request, municipality, year, assessment)
    status = 200
    if request.method == "POST":
        submit = request.POST.get("action") == "submit"
        form = AssessmentForm(request.POST, indicators=indicators)
        form.is_valid()
        try:
            assessment = services.save_assessment(
                municipality=municipality, year=year, data=request.POST, by=request.user, submit=submit
            )
        except services.AssessmentLocked as exc:
            messages.error(request, exc.messages[0])
            status = 409
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error(field, errors)
            else:
                form.add_error(None, exc.messages)
            status = 400
        else:
            if submit:
                messages.success(
                    request, _("Thank you: the self-assessment is submitted and now appears in the comparison.")
                )
            else:
                messages.success(request, _("Draft saved. You can come back and finish it later."))
            return redirect("benchmarking:assessment", code=municipality.code, year=year)
    else:
        answers = assessment.answers.select_related("indicator") if assessment else []
        form = AssessmentForm(initial=AssessmentForm.initial_from(answers), indicators=indicators)
    context = {
        "municipality": municipality,
        "year": year,
        "assessment": assessment,
        "framework": framework,
        "form": form,
        "can_edit": permissions.can_edit_assessment(request.user, assessment, municipality),
        "can_reopen": permissions.can_reopen_assessment(request.user, assessment),
    }
    return render(request, "benchmarking/assessment_form.html", context, status=status)


@require_POST
@login_required
def reopen(request, code, year):
    municipality = get_object_or_404(Municipality, code=code)
    assessment = get_object_or_404(Assessment, municipality=municipality, year=year)
    services.reopen_assessment(assessment=assessment, by=request.user)
    messages.success(request, _("The self-assessment is open again for the municipality to correct."))
    return redirect(reverse("benchmarking:assessment", args=[municipality.code, year]))
