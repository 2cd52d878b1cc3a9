"""Local eGovernment benchmarking: versioned frameworks of indicators and municipalities' yearly self-assessments.

A framework version in use (published) is never edited: a change is a new version, made by copying
the old one into a draft (``services.copy_framework``). ``Framework.save``, ``Indicator.save`` and
``Indicator.delete`` refuse changes to a published version, so the admin, the seed and the shell all
hit the same rule.
"""

from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coalition.i18n import TranslatedField
from coalition.models import Municipality

FIRST_YEAR = 2017


class FrameworkLocked(ValidationError):
    """A published framework version (or one of its indicators) was about to change."""

    def __init__(self):
        super().__init__(
            _("This framework version is in use and cannot be changed. Copy it into a new draft version instead."),
            code="framework_locked",
        )


class FrameworkQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def current(self):
        """The newest published version: new assessments use it."""
        return self.published().order_by("-version").first()


class Framework(models.Model):
    version = models.PositiveSmallIntegerField(_("version"), unique=True)
    name_sl = models.CharField(_("name (Slovenian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_sl = models.TextField(_("description (Slovenian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    published_at = models.DateTimeField(
        _("in use since"),
        null=True,
        blank=True,
        help_text=_("Once published, a version is never edited; it can only be succeeded by a new version."),
    )
    created = models.DateTimeField(_("created"), default=timezone.now)

    name = TranslatedField("name")
    description = TranslatedField("description")

    objects = FrameworkQuerySet.as_manager()

    class Meta:
        ordering = ["-version"]
        verbose_name = _("benchmarking framework")
        verbose_name_plural = _("benchmarking frameworks")

    def __str__(self):
        return f"{self.name_sl} (v{self.version})"

    @property
    def is_published(self):
        return self.published_at is not None

    def stored_is_published(self):
        """Whether the row as stored is published (what counts, whatever this instance holds)."""
        if self.pk is None:
            return False
        return Framework.objects.filter(pk=self.pk, published_at__isnull=False).exists()

    def clean(self):
        if self.stored_is_published():
            raise FrameworkLocked()

    def save(self, *args, **kwargs):
        if self.stored_is_published():
            raise FrameworkLocked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.stored_is_published():
            raise FrameworkLocked()
        return super().delete(*args, **kwargs)


class Indicator(models.Model):
    class Area(models.TextChoices):
        GOVERNANCE = "governance", _("leadership and strategy")
        SERVICES = "services", _("digital services")
        DATA = "data", _("open data")
        STANDARDS = "standards", _("standards and interoperability")
        PROCUREMENT = "procurement", _("procurement and business models")
        SKILLS = "skills", _("digital skills")
        COOPERATION = "cooperation", _("cooperation")

    class AnswerType(models.TextChoices):
        YES_NO = "yes_no", _("yes or no")
        NUMBER = "number", _("number (a count)")
        PERCENTAGE = "percentage", _("percentage")
        MATURITY = "maturity_0_4", _("maturity level 0–4")

    MATURITY_LEVELS = [
        (0, _("0 – not started")),
        (1, _("1 – first steps")),
        (2, _("2 – in progress")),
        (3, _("3 – established")),
        (4, _("4 – leading, shared with others")),
    ]

    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.CASCADE, related_name="indicators"
    )
    code = models.CharField(_("code"), max_length=30, help_text=_("Short, stable code, e.g. DT-LEAD."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_sl = models.CharField(_("name (Slovenian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    explanation_sl = models.TextField(_("explanation (Slovenian)"), blank=True)
    explanation_en = models.TextField(_("explanation (English)"), blank=True)
    rationale_sl = models.CharField(_("rationale (Slovenian)"), max_length=300, blank=True)
    rationale_en = models.CharField(_("rationale (English)"), max_length=300, blank=True)
    area = models.CharField(_("area"), max_length=20, choices=Area.choices)
    subgroup = models.ForeignKey(
        "partnership.Subgroup",
        verbose_name=_("subgroup"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="indicators",
    )
    unit_sl = models.CharField(_("unit (Slovenian)"), max_length=40, blank=True)
    unit_en = models.CharField(_("unit (English)"), max_length=40, blank=True)
    answer_type = models.CharField(_("answer type"), max_length=20, choices=AnswerType.choices)
    higher_is_better = models.BooleanField(_("higher is better"), default=True)
    target = models.DecimalField(
        _("target"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "The value at which a municipality has reached this indicator (yes for a yes/no question). "
            "For a count it is also the value that scores 100."
        ),
    )

    name = TranslatedField("name")
    explanation = TranslatedField("explanation")
    rationale = TranslatedField("rationale")
    unit = TranslatedField("unit")

    class Meta:
        ordering = ["framework", "order", "code"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [models.UniqueConstraint(fields=["framework", "code"], name="indicator_code_once_per_framework")]

    def __str__(self):
        return f"{self.code} {self.name_sl}"

    def _framework_is_published(self):
        return Framework.objects.filter(pk=self.framework_id, published_at__isnull=False).exists()

    def save(self, *args, **kwargs):
        if self._framework_is_published():
            raise FrameworkLocked()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self._framework_is_published():
            raise FrameworkLocked()
        return super().delete(*args, **kwargs)

    def clean(self):
        if self.framework_id and self._framework_is_published():
            raise FrameworkLocked()

    # --- answers -------------------------------------------------------------------

    @property
    def field_name(self):
        """The form field (and HTML id) for this indicator's answer."""
        return "i_" + self.code.lower().replace("-", "_")

    def maturity_levels(self):
        """(level, label) for a maturity question: the explanation's own "0 – …; 1 – …" wording if it has one."""
        import re

        found = dict(re.findall(r"([0-4])\s*[–-]\s*([^;]+?)\s*(?:;|\.?$)", self.explanation or ""))
        if set(found) == {"0", "1", "2", "3", "4"}:
            return [(level, f"{level} – {found[str(level)]}") for level in range(5)]
        return [(level, str(label)) for level, label in self.MATURITY_LEVELS]

    @property
    def has_own_levels(self):
        return self.answer_type == self.AnswerType.MATURITY and self.maturity_levels()[0][1] != str(
            self.MATURITY_LEVELS[0][1]
        )

    def effective_target(self):
        if self.target is not None:
            return self.target
        defaults = {
            self.AnswerType.YES_NO: Decimal(1),
            self.AnswerType.MATURITY: Decimal(3),
            self.AnswerType.PERCENTAGE: Decimal(50),
            self.AnswerType.NUMBER: Decimal(1),
        }
        return defaults[self.answer_type]

    def clean_value(self, raw):
        """Turn what a person typed into a stored value, or raise a ValidationError naming this indicator.

        Empty input is ``None`` (no answer), never zero.
        """
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        text = str(raw).strip().replace(",", ".").rstrip("%").strip()
        if self.answer_type == self.AnswerType.YES_NO:
            mapping = {"1": Decimal(1), "yes": Decimal(1), "true": Decimal(1), "0": Decimal(0), "no": Decimal(0)}
            mapping["false"] = Decimal(0)
            if text.lower() not in mapping:
                raise self._invalid(_("answer yes or no."))
            return mapping[text.lower()]
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            raise self._invalid(_("enter a number."))
        if self.answer_type == self.AnswerType.PERCENTAGE:
            if not Decimal(0) <= value <= Decimal(100):
                message = _("a percentage must be between 0 and 100 (you entered %(value)s).")
                raise self._invalid(message % {"value": raw})
            return value.quantize(Decimal("0.01"))
        if self.answer_type == self.AnswerType.NUMBER:
            if value < 0:
                raise self._invalid(_("a count cannot be negative (you entered %(value)s).") % {"value": raw})
            if value != value.to_integral_value():
                raise self._invalid(_("a count must be a whole number."))
            if value > Decimal("99999999"):
                raise self._invalid(_("this number is too large."))
            return value.quantize(Decimal(1))
        if self.answer_type == self.AnswerType.MATURITY:
            if value != value.to_integral_value() or not Decimal(0) <= value <= Decimal(4):
                raise self._invalid(_("a maturity level is a whole number from 0 to 4."))
            return value.quantize(Decimal(1))
        raise self._invalid(_("unknown answer type."))

    def _invalid(self, message):
        return ValidationError("%(indicator)s: %(message)s", params={"indicator": self.name, "message": message})

    def score(self, value):
        """Progress towards this indicator on a 0–100 scale (100 = the best or the target), or None."""
        if value is None:
            return None
        value = Decimal(value)
        if self.answer_type == self.AnswerType.YES_NO:
            raw = Decimal(100) if value >= 1 else Decimal(0)
        elif self.answer_type == self.AnswerType.PERCENTAGE:
            raw = value
        elif self.answer_type == self.AnswerType.MATURITY:
            raw = value * 25
        else:
            target = self.effective_target() or Decimal(1)
            if self.higher_is_better:
                return float(min(value / target, Decimal(1)) * 100)
            return 100.0 if value <= target else float(target / value * 100)
        return float(raw if self.higher_is_better else 100 - raw)

    def is_reached(self, value):
        if value is None:
            return False
        value = Decimal(value)
        target = self.effective_target()
        return value >= target if self.higher_is_better else value <= target

    def display_value(self, value):
        """A stored value as people read it ("yes", "45 %", "level 3")."""
        from django.utils.formats import number_format
        from django.utils.translation import gettext

        if value is None:
            return gettext("no answer")
        value = Decimal(value)
        if self.answer_type == self.AnswerType.YES_NO:
            return gettext("yes") if value >= 1 else gettext("no")
        if self.answer_type == self.AnswerType.PERCENTAGE:
            decimals = 0 if value == value.to_integral_value() else 1
            return f"{number_format(value, decimal_pos=decimals)} %"
        if self.answer_type == self.AnswerType.MATURITY:
            return gettext("level %(level)s") % {"level": int(value)}
        # "data sets: 2" rather than "2 data sets": a unit stored once cannot agree with every Slovenian number.
        return f"{self.unit}: {int(value)}" if self.unit else str(int(value))

    def target_display(self):
        return self.display_value(self.effective_target())


class AssessmentQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=Assessment.Status.SUBMITTED)

    def drafts(self):
        return self.filter(status=Assessment.Status.DRAFT)


class Assessment(models.Model):
    """A municipality's self-assessment for one year, against one framework version."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("municipality"), on_delete=models.PROTECT, related_name="assessments"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    framework = models.ForeignKey(
        Framework, verbose_name=_("framework"), on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True)
    created = models.DateTimeField(_("created"), default=timezone.now)
    updated = models.DateTimeField(_("last saved"), auto_now=True)
    last_saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reopened by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reopened_at = models.DateTimeField(_("reopened at"), null=True, blank=True)

    objects = AssessmentQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["updated"])

    class Meta:
        ordering = ["-year", "municipality__name"]
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="one_assessment_per_municipality_and_year")
        ]

    def __str__(self):
        return f"{self.municipality} {self.year}"

    def get_absolute_url(self):
        return reverse("benchmarking:assessment", args=[self.municipality.code, self.year])

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED


class Answer(models.Model):
    assessment = models.ForeignKey(
        Assessment, verbose_name=_("self-assessment"), on_delete=models.CASCADE, related_name="answers"
    )
    indicator = models.ForeignKey(Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2, null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator__order", "indicator__code"]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [models.UniqueConstraint(fields=["assessment", "indicator"], name="one_answer_per_indicator")]

    def __str__(self):
        return f"{self.assessment} · {self.indicator.code}"

    def clean(self):
        if self.indicator_id and self.assessment_id and self.indicator.framework_id != self.assessment.framework_id:
            raise ValidationError({"indicator": _("This indicator belongs to another framework version.")})
        if self.indicator_id and self.value is not None:
            try:
                self.value = self.indicator.clean_value(str(self.value))
            except ValidationError as exc:
                raise ValidationError({"value": exc.messages}) from exc
