"""The Partnership for Digital Transition: partners, subgroups, memberships, interest, meetings, milestones."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coalition.i18n import TranslatedField
from coalition.models import Organisation, Person


class Partnership(models.Model):
    """One of the EU Urban Agenda's partnerships (the portal holds Digital Transition; the model allows more)."""

    slug = models.SlugField(_("slug"), unique=True)
    name_sl = models.CharField(_("name (Slovenian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    purpose_sl = models.TextField(_("purpose (Slovenian)"), blank=True)
    purpose_en = models.TextField(_("purpose (English)"), blank=True)
    goals_sl = models.TextField(_("goals (Slovenian)"), blank=True)
    goals_en = models.TextField(_("goals (English)"), blank=True)
    key_problems_sl = models.TextField(_("key problems (Slovenian)"), blank=True, help_text=_("One per line."))
    key_problems_en = models.TextField(_("key problems (English)"), blank=True, help_text=_("One per line."))
    sos_joined_on = models.DateField(_("SOS accepted on"), null=True, blank=True)
    data_notes = models.TextField(
        _("notes on the source data"),
        blank=True,
        help_text=_("Where the source document is incomplete or contradicts itself."),
    )

    name = TranslatedField("name")
    purpose = TranslatedField("purpose")
    goals = TranslatedField("goals")
    key_problems = TranslatedField("key_problems")

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")

    def __str__(self):
        return self.name_sl

    @staticmethod
    def _lines(text):
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    @property
    def purpose_list(self):
        """The purpose, one item per line, in the active language."""
        return self._lines(self.purpose)

    @property
    def goals_list(self):
        return self._lines(self.goals)

    @property
    def key_problem_list(self):
        return self._lines(self.key_problems)


class Partner(models.Model):
    class Category(models.TextChoices):
        MEMBER_STATE = "member_state", _("member state")
        CITY = "city", _("city")
        EUROPEAN_ASSOCIATION = "european_association", _("European association")
        EUROPEAN_COMMISSION = "european_commission", _("European Commission")
        OBSERVER = "observer", _("observer")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="partnerships"
    )
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    is_coordinator = models.BooleanField(_("coordinator"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["partnership", "category", "order", "organisation__name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        constraints = [
            models.UniqueConstraint(fields=["partnership", "organisation"], name="partner_once_per_partnership")
        ]

    def __str__(self):
        return f"{self.organisation} ({self.get_category_display()})"


class Subgroup(models.Model):
    class Kind(models.TextChoices):
        PRIORITY = "priority", _("priority area")
        HORIZONTAL = "horizontal", _("horizontal area")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="subgroups")
    slug = models.SlugField(_("slug"), unique=True)
    name_sl = models.CharField(_("name (Slovenian)"), max_length=200)
    name_en = models.CharField(_("name (English)"), max_length=200, blank=True)
    description_sl = models.TextField(_("description (Slovenian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    contact_person = models.ForeignKey(
        Person,
        verbose_name=_("secretariat contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subgroups_as_contact",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    name = TranslatedField("name")
    description = TranslatedField("description")

    history = HistoricalRecords()

    class Meta:
        ordering = ["order", "name_sl"]
        verbose_name = _("subgroup")
        verbose_name_plural = _("subgroups")

    def __str__(self):
        return self.name_sl

    def get_absolute_url(self):
        return reverse("partnership:subgroup", args=[self.slug])


class Membership(models.Model):
    """A person's (or, where no person is named, an organisation's) place in a subgroup."""

    class Role(models.TextChoices):
        LEAD = "lead", _("lead")
        MEMBER = "member", _("member")
        AD_HOC = "ad_hoc", _("ad-hoc member")

    subgroup = models.ForeignKey(
        Subgroup, verbose_name=_("subgroup"), on_delete=models.CASCADE, related_name="memberships"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["subgroup", "role", "id"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(organisation__isnull=False),
                name="membership_names_person_or_organisation",
            ),
            models.UniqueConstraint(
                fields=["subgroup", "person"], condition=models.Q(person__isnull=False), name="person_once_per_subgroup"
            ),
            models.UniqueConstraint(
                fields=["subgroup", "organisation"],
                condition=models.Q(person__isnull=True),
                name="organisation_once_per_subgroup",
            ),
        ]

    def __str__(self):
        return f"{self.person or self.organisation} · {self.subgroup} ({self.get_role_display()})"

    def save(self, *args, **kwargs):
        if self.organisation_id is None and self.person_id and self.person.organisation_id:
            self.organisation_id = self.person.organisation_id
        super().save(*args, **kwargs)


class ExpressionOfInterestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(status=ExpressionOfInterest.Status.NEW)


class ExpressionOfInterest(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("new")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    class Source(models.TextChoices):
        WEB = "web", _("web form")
        DOCUMENT = "document", _("source document")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="expressions_of_interest")
    # Blank only for interest recorded from the source document, which names organisations, not people.
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), max_length=254, blank=True)
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.WEB)
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    subgroups = models.ManyToManyField(
        Subgroup, verbose_name=_("subgroups"), blank=True, related_name="expressions_of_interest"
    )
    message = models.TextField(_("message"), blank=True)
    privacy_consent_at = models.DateTimeField(_("agreed to the privacy notice at"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=5, default="sl")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.NEW, db_index=True)
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expressions_of_interest",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="expressions_of_interest",
    )
    created = models.DateTimeField(_("received"), default=timezone.now, db_index=True)

    objects = ExpressionOfInterestQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")

    def __str__(self):
        return f"{self.organisation_name or self.name} ({self.get_status_display()})"


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, today=None):
        """Meetings that have not ended yet (a meeting without an end date lasts one day)."""
        today = today or timezone.localdate()
        return self.filter(models.Q(ends_on__gte=today) | models.Q(ends_on__isnull=True, starts_on__gte=today))

    def past(self, today=None):
        today = today or timezone.localdate()
        return self.filter(models.Q(ends_on__lt=today) | models.Q(ends_on__isnull=True, starts_on__lt=today))


class Meeting(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="meetings")
    subgroup = models.ForeignKey(
        Subgroup, verbose_name=_("subgroup"), null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    slug = models.SlugField(_("slug"), unique=True, max_length=100)
    title_sl = models.CharField(_("title (Slovenian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    minutes_sl = models.TextField(_("minutes (Slovenian)"), blank=True)
    minutes_en = models.TextField(_("minutes (English)"), blank=True)

    title = TranslatedField("title")
    minutes = TranslatedField("minutes")

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="meeting_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title_sl

    def get_absolute_url(self):
        return reverse("partnership:meeting", args=[self.slug])

    @property
    def last_day(self):
        return self.ends_on or self.starts_on


class Milestone(models.Model):
    class Kind(models.TextChoices):
        ORIENTATION_PAPER = "orientation_paper", _("orientation paper")
        FIRST_DRAFT = "first_draft", _("first draft action plan")
        FINAL_ACTION_PLAN = "final_action_plan", _("final action plan")
        OTHER = "other", _("other")

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    title_sl = models.CharField(_("title (Slovenian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    due_on = models.DateField(_("due"), help_text=_("For a month, the first day of that month."))
    month_only = models.BooleanField(_("only the month is known"), default=True)

    title = TranslatedField("title")

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")

    def __str__(self):
        return self.title_sl

    def is_past(self, today=None):
        """Past once its day (or, for a month-only date, its month) is over."""
        today = today or timezone.localdate()
        if self.month_only:
            return (self.due_on.year, self.due_on.month) < (today.year, today.month)
        return self.due_on < today
