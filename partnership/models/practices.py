"""The good-practice portfolio: partners submit, the secretariat reviews and publishes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from coalition.models import Municipality, Organisation, Tag
from coalition.text import fold
from partnership.models.partnership import Subgroup


class GoodPracticeQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=GoodPractice.Status.PUBLISHED)

    def awaiting_review(self):
        return self.filter(status=GoodPractice.Status.SUBMITTED)

    def for_listing(self):
        return self.select_related("organisation", "municipality", "subgroup").prefetch_related("tags")

    def published_for_listing(self):
        """For templates (no arguments): published practices ready to list, newest first."""
        return self.published().for_listing().order_by("-published_at", "-id")

    def search(self, query):
        """Diacritic- and case-insensitive search over title, summary, problem, organisation and tags."""
        for word in fold(query or "").split():
            self = self.filter(search_text__contains=word)
        return self

    def in_municipality(self, municipality):
        return self.filter(Q(municipality=municipality) | Q(organisation__municipality=municipality)).distinct()


class GoodPractice(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("awaiting review")
        PUBLISHED = "published", _("published")
        REJECTED = "rejected", _("not published")

    class CostRange(models.TextChoices):
        NONE = "none", _("no direct cost")
        UNDER_10K = "under_10k", _("under €10,000")
        FROM_10K_TO_50K = "10k_50k", _("€10,000–50,000")
        FROM_50K_TO_200K = "50k_200k", _("€50,000–200,000")
        OVER_200K = "over_200k", _("over €200,000")
        UNKNOWN = "unknown", _("not known")

    title = models.CharField(_("title"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="good_practices",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="good_practices",
        help_text=_("Where the practice was carried out, if it is a municipality's."),
    )
    subgroup = models.ForeignKey(
        Subgroup, verbose_name=_("subgroup"), on_delete=models.PROTECT, related_name="good_practices"
    )
    summary = models.TextField(_("summary"), max_length=2000)
    problem_solved = models.TextField(_("what it solved"), max_length=2000)
    cost_range = models.CharField(_("cost range"), max_length=20, choices=CostRange.choices, default=CostRange.UNKNOWN)
    contact_name = models.CharField(
        _("contact (name or role)"),
        max_length=200,
        blank=True,
        help_text=_("Shown publicly, e.g. “Head of IT, Municipality of Idrija”."),
    )
    contact_email = models.EmailField(
        _("contact e-mail"),
        blank=True,
        help_text=_("Seen only by the secretariat, who forward enquiries; never shown publicly."),
    )
    link = models.URLField(_("link"), blank=True, max_length=500)
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="good_practices")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    review_note = models.TextField(_("note from the review"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    search_text = models.TextField(editable=False, default="")

    objects = GoodPracticeQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["search_text"])

    class Meta:
        ordering = ["-published_at", "-submitted_at"]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        constraints = [
            models.CheckConstraint(
                condition=Q(organisation__isnull=False) | Q(municipality__isnull=False),
                name="good_practice_names_organisation_or_municipality",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnership:practice", args=[self.pk])

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def owner_name(self):
        if self.organisation_id:
            return self.organisation.display_name
        return self.municipality.name if self.municipality_id else ""

    def save(self, *args, **kwargs):
        tag_names = [t.name for t in self.tags.all()] if self.pk else []
        self.refresh_search_text(tag_names)
        super().save(*args, **kwargs)

    def refresh_search_text(self, tag_names=()):
        parts = [self.title, self.summary, self.problem_solved, self.contact_name]
        if self.organisation_id:
            parts.append(self.organisation.name)
        if self.municipality_id:
            parts.append(self.municipality.name)
        parts += list(tag_names)
        self.search_text = fold(" ".join(filter(None, parts)))
