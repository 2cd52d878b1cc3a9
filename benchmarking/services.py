"""Benchmarking workflows: keyword-only, atomic; the pages, the admin and the seed call these."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from benchmarking import permissions
from benchmarking.models import Answer, Assessment, Framework, Indicator

COPIED_INDICATOR_FIELDS = [
    "code",
    "order",
    "name_sl",
    "name_en",
    "explanation_sl",
    "explanation_en",
    "rationale_sl",
    "rationale_en",
    "area",
    "subgroup_id",
    "unit_sl",
    "unit_en",
    "answer_type",
    "higher_is_better",
    "target",
]


class AssessmentLocked(ValidationError):
    def __init__(self):
        super().__init__(
            _("This self-assessment has been submitted and is locked. The secretariat can reopen it."),
            code="assessment_locked",
        )


@transaction.atomic
def copy_framework(*, framework):
    """A new draft version with a copy of every indicator: the only way to change a version in use."""
    latest = Framework.objects.select_for_update().order_by("-version").first()
    new = Framework.objects.create(
        version=latest.version + 1,
        name_sl=framework.name_sl,
        name_en=framework.name_en,
        description_sl=framework.description_sl,
        description_en=framework.description_en,
    )
    Indicator.objects.bulk_create(
        Indicator(framework=new, **{name: getattr(indicator, name) for name in COPIED_INDICATOR_FIELDS})
        for indicator in framework.indicators.all()
    )
    return new


@transaction.atomic
def publish_framework(*, framework):
    """Put a draft version in use; from now on it is never edited."""
    framework = Framework.objects.select_for_update().get(pk=framework.pk)
    if framework.is_published:
        return framework
    if not framework.indicators.exists():
        raise ValidationError(_("A framework needs at least one indicator before it is published."))
    framework.published_at = timezone.now()
    framework.save()
    return framework


def clean_answers(*, indicators, data, require_all=False):
    """``{indicator: value}`` from submitted ``data`` (keyed by field name), or a ValidationError by field.

    Every field is checked before anything is returned, so one wrong value changes nothing.
    """
    values, errors = {}, {}
    for indicator in indicators:
        try:
            value = indicator.clean_value(data.get(indicator.field_name))
        except ValidationError as exc:
            errors[indicator.field_name] = exc.messages
            continue
        if value is None and require_all:
            errors[indicator.field_name] = [
                _("%(indicator)s: answer this question before submitting.") % {"indicator": indicator.name}
            ]
            continue
        values[indicator] = value
    if errors:
        raise ValidationError(errors)
    return values


@transaction.atomic
def save_assessment(*, municipality, year, data, by, submit=False):
    """Save the answers as a draft (and submit them if ``submit``); all or nothing.

    Creates the year's assessment on first save, against the framework version in use.
    """
    assessment = (
        Assessment.objects.select_for_update()
        .select_related("framework")
        .filter(municipality=municipality, year=year)
        .first()
    )
    if not permissions.can_edit_assessment(by, assessment, municipality):
        if assessment is not None and assessment.is_submitted and permissions.is_staff_of(by, municipality):
            raise AssessmentLocked()
        raise PermissionDenied
    framework = assessment.framework if assessment else Framework.objects.current()
    if framework is None:
        raise ValidationError(_("No benchmarking framework is in use yet."))
    indicators = list(framework.indicators.all())
    values = clean_answers(indicators=indicators, data=data, require_all=submit)
    if assessment is None:
        try:
            with transaction.atomic():
                assessment = Assessment.objects.create(municipality=municipality, year=year, framework=framework)
        except IntegrityError:
            # A colleague started the same year a moment ago: continue on theirs, under the same rules.
            assessment = Assessment.objects.select_for_update().get(municipality=municipality, year=year)
            if assessment.is_submitted:
                raise AssessmentLocked() from None
            if assessment.framework_id != framework.pk:
                raise ValidationError(_("This self-assessment changed meanwhile; reload the page.")) from None
    existing = {answer.indicator_id: answer for answer in assessment.answers.all()}
    for indicator, value in values.items():
        answer = existing.get(indicator.pk)
        if answer is None:
            Answer.objects.create(assessment=assessment, indicator=indicator, value=value)
        elif answer.value != value:
            answer.value = value
            answer.save(update_fields=["value"])
    assessment.last_saved_by = by
    if submit:
        assessment.status = Assessment.Status.SUBMITTED
        assessment.submitted_by = by
        assessment.submitted_at = timezone.now()
    assessment.save()
    return assessment


@transaction.atomic
def reopen_assessment(*, assessment, by):
    """The secretariat unlocks a submitted assessment so the municipality can correct it."""
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if not permissions.can_reopen_assessment(by, assessment):
        raise PermissionDenied
    assessment.status = Assessment.Status.DRAFT
    assessment.reopened_by = by
    assessment.reopened_at = timezone.now()
    assessment.save()
    return assessment
