"""The workspace's own records: saved segments, merge records and import batches.

Imported by ``coalition.models`` so that they belong to the ``coalition`` app.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class SegmentQuerySet(models.QuerySet):
    def builtin(self):
        return self.exclude(builtin_key=None)


# The built-in segments, seeded by a data migration and restored by ``Segment.ensure_builtins``.
BUILTIN_SEGMENTS = [
    ("subgroup-leads", _("Leads of all subgroups"), "role=lead"),
    ("sos-member-municipalities", _("Contacts at SOS member municipalities"), "kind=municipal&sos_member=yes"),
    ("signatory-municipalities", _("Signatories who are municipalities"), "kind=municipal&signed=yes"),
]


class Segment(models.Model):
    """A saved filter of the people list (its query string), for lists, exports and mailings."""

    name = models.CharField(_("name"), max_length=120)
    querystring = models.CharField(_("filter"), max_length=1000, blank=True)
    description = models.TextField(_("description"), blank=True)
    builtin_key = models.SlugField(_("built-in key"), max_length=60, unique=True, null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)

    objects = SegmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["builtin_key", "name"]
        verbose_name = _("segment")
        verbose_name_plural = _("segments")

    def __str__(self):
        return self.name

    @property
    def is_builtin(self):
        return self.builtin_key is not None

    @property
    def display_name(self):
        """Built-in segments show their name in the visitor's language."""
        for key, label, _querystring in BUILTIN_SEGMENTS:
            if key == self.builtin_key:
                return str(label)
        return self.name

    @classmethod
    def ensure_builtins(cls):
        """Create any built-in segment that is missing (idempotent, one query when all exist)."""
        present = set(cls.objects.builtin().values_list("builtin_key", flat=True))
        for key, label, querystring in BUILTIN_SEGMENTS:
            if key not in present:
                cls.objects.get_or_create(builtin_key=key, defaults={"name": str(label), "querystring": querystring})


class PersonMerge(models.Model):
    """The record of two people merged into one: who, when, and what moved to the kept person."""

    kept = models.ForeignKey(
        "coalition.Person",
        verbose_name=_("kept person"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="merges",
    )
    dropped_person_id = models.BigIntegerField(_("merged person's former id"), db_index=True)
    dropped_name = models.CharField(_("merged person's name"), max_length=200)
    dropped_email = models.EmailField(_("merged person's e-mail"), max_length=254, null=True, blank=True)
    moved = models.JSONField(_("what moved"), default=dict)
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    merged_at = models.DateTimeField(_("merged at"), auto_now_add=True)

    class Meta:
        ordering = ["-merged_at"]
        verbose_name = _("merge of people")
        verbose_name_plural = _("merges of people")

    def __str__(self):
        return f"{self.dropped_name} → {self.kept_id}"


class ImportBatchQuerySet(models.QuerySet):
    def purge_old(self, days=30):
        """Delete batches older than ``days``: their rows hold the uploaded personal data."""
        cutoff = timezone.now() - timedelta(days=days)
        return self.filter(created__lt=cutoff).exclude(status__in=["queued", "running"]).delete()


class ImportBatch(models.Model):
    """One uploaded spreadsheet: its previewed rows, then the progress of writing the good ones."""

    class Kind(models.TextChoices):
        PEOPLE = "people", _("people")
        ORGANISATIONS = "organisations", _("organisations")

    class Status(models.TextChoices):
        PREVIEW = "preview", _("waiting for confirmation")
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("importing")
        DONE = "done", _("imported")
        FAILED = "failed", _("failed")
        CANCELLED = "cancelled", _("cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    filename = models.CharField(_("file name"), max_length=255)
    encoding = models.CharField(_("encoding"), max_length=20, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREVIEW)
    rows = models.JSONField(_("rows"), default=list)
    columns = models.JSONField(_("columns"), default=list)
    total_rows = models.PositiveIntegerField(default=0)
    processed_rows = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    skipped_count = models.PositiveIntegerField(default=0)
    failure = models.CharField(max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created = models.DateTimeField(_("uploaded"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        ordering = ["-created"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return self.filename

    @property
    def is_finished(self):
        return self.status in {self.Status.DONE, self.Status.FAILED, self.Status.CANCELLED}

    @property
    def is_in_progress(self):
        return self.status in {self.Status.QUEUED, self.Status.RUNNING}

    @property
    def progress_percent(self):
        todo = self.importable_count
        if not todo:
            return 100 if self.status == self.Status.DONE else 0
        return min(100, round(100 * self.processed_rows / todo))

    def count(self, action):
        return sum(1 for row in self.rows if row["action"] == action)

    @property
    def importable_count(self):
        return sum(1 for row in self.rows if row["action"] in ("create", "update"))


# Registers the workspace's Celery tasks wherever models load (workers included).
from coalition.workspace import tasks  # noqa: E402, F401
