"""Action plans: each subgroup's part of the partnership's plan, its actions, revisions and comments.

A plan's ``version`` is the number of its latest revision. Every change to a plan (an edit, a
restore, a status transition) goes through :mod:`partnership.plans.services`, which raises the
version with a conditional UPDATE and records a :class:`PlanRevision` in the same transaction,
so two people saving at once can never silently overwrite each other.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coalition.models import Organisation
from partnership.models.partnership import Membership, Subgroup


class ActionPlanQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ActionPlan.Status.PUBLISHED)

    def visible_to(self, user):
        """Published plans for everyone; every plan of their subgroups for members; all for the secretariat."""
        from coalition.permissions import is_secretariat

        if is_secretariat(user):
            return self.all()
        visible = Q(status=ActionPlan.Status.PUBLISHED)
        if getattr(user, "is_authenticated", False):
            own_subgroups = Membership.objects.filter(person__user=user).values("subgroup_id")
            visible |= Q(subgroup_id__in=own_subgroups)
        return self.filter(visible)


class ActionPlan(models.Model):
    class Stage(models.TextChoices):
        ORIENTATION_PAPER = "orientation_paper", _("orientation paper")
        FIRST_DRAFT = "first_draft", _("first draft")
        FINAL = "final", _("final action plan")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        IN_REVIEW = "in_review", _("in review")
        APPROVED = "approved", _("approved")
        PUBLISHED = "published", _("published")

    class Language(models.TextChoices):
        SLOVENIAN = "sl", _("Slovenian")
        ENGLISH = "en", _("English")

    subgroup = models.ForeignKey(
        Subgroup, verbose_name=_("subgroup"), on_delete=models.PROTECT, related_name="action_plans"
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.ORIENTATION_PAPER)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT, db_index=True)
    sent_back_reason = models.TextField(
        _("reason for sending back"), blank=True, help_text=_("Why the secretariat returned the plan to draft.")
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Markdown: a safe subset."))
    language = models.CharField(
        _("language of the content"), max_length=2, choices=Language.choices, default=Language.SLOVENIAN
    )
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Number of the latest revision; raised by every save.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created = models.DateTimeField(_("created"), auto_now_add=True)
    updated = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = ActionPlanQuerySet.as_manager()

    class Meta:
        ordering = ["subgroup__order", "stage", "-updated"]
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("partnership:plan_detail", args=[self.pk])

    @property
    def is_draft(self):
        return self.status == self.Status.DRAFT

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    @property
    def introduction_html(self):
        from partnership.plans.markdown import render_markdown

        return render_markdown(self.introduction)


class Action(models.Model):
    class Pillar(models.TextChoices):
        REGULATION = "regulation", _("better regulation")
        FUNDING = "funding", _("better funding")
        KNOWLEDGE = "knowledge", _("better knowledge")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        IN_PROGRESS = "in_progress", _("in progress")
        DONE = "done", _("done")
        DROPPED = "dropped", _("dropped")

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="actions"
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    pillar = models.CharField(_("pillar"), max_length=12, choices=Pillar.choices)
    bottleneck = models.TextField(_("bottleneck addressed"), blank=True, help_text=_("Markdown: a safe subset."))
    proposed_action = models.TextField(_("proposed action"), help_text=_("Markdown: a safe subset."))
    responsible_partners = models.ManyToManyField(
        Organisation, verbose_name=_("responsible partners"), blank=True, related_name="plan_actions"
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED)
    indicators = models.TextField(_("indicators of success"), blank=True, help_text=_("Markdown: a safe subset."))
    version = models.PositiveIntegerField(_("version"), default=1)

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self):
        return self.proposed_action[:80]

    @property
    def bottleneck_html(self):
        from partnership.plans.markdown import render_markdown

        return render_markdown(self.bottleneck)

    @property
    def proposed_action_html(self):
        from partnership.plans.markdown import render_markdown

        return render_markdown(self.proposed_action)

    @property
    def indicators_html(self):
        from partnership.plans.markdown import render_markdown

        return render_markdown(self.indicators)


class PlanRevision(models.Model):
    """One saved state of a plan: who, when, why, and a compact JSON snapshot of its text and actions.

    Lists of revisions must defer ``snapshot`` (see ``PlanRevisionQuerySet.listing``): a plan may
    have hundreds of them.
    """

    class Kind(models.TextChoices):
        CREATED = "created", _("created")
        EDITED = "edited", _("edited")
        RESTORED = "restored", _("restored an earlier revision")
        SUBMITTED = "submitted", _("submitted for review")
        APPROVED = "approved", _("approved")
        SENT_BACK = "sent_back", _("sent back to draft")
        PUBLISHED = "published", _("published")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.EDITED)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_revisions",
    )
    created = models.DateTimeField(_("saved at"), auto_now_add=True)
    message = models.CharField(_("why"), max_length=500, blank=True)
    snapshot = models.JSONField(_("snapshot"), default=dict)

    class Meta:
        ordering = ["plan", "-number"]
        verbose_name = _("plan revision")
        verbose_name_plural = _("plan revisions")
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="plan_revision_number_unique")]

    def __str__(self):
        return f"{self.plan_id} r{self.number}"


class CommentQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)


class Comment(models.Model):
    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.CASCADE, related_name="comments"
    )
    action = models.ForeignKey(
        Action, verbose_name=_("action"), null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", verbose_name=_("in reply to"), null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("comment"), help_text=_("Markdown: a safe subset."))
    created = models.DateTimeField(_("written at"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return self.body[:60]

    @property
    def is_resolved(self):
        return self.resolved_at is not None

    @property
    def body_html(self):
        from partnership.plans.markdown import render_markdown

        return render_markdown(self.body)


def plan_pdf_path(instance, filename):
    return f"plans/pdf/plan-{instance.plan_id}-r{instance.revision_number}.pdf"


class PlanPdf(models.Model):
    """The PDF of one revision of a plan, rendered once by a Celery task and served from then on."""

    class Status(models.TextChoices):
        PENDING = "pending", _("being prepared")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="pdfs")
    revision_number = models.PositiveIntegerField(_("revision"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    file = models.FileField(_("file"), upload_to=plan_pdf_path, blank=True)
    requested_at = models.DateTimeField(_("requested at"))
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True)
    render_count = models.PositiveSmallIntegerField(
        default=0, help_text="How often it was rendered (tests, monitoring)."
    )

    class Meta:
        verbose_name = _("plan PDF")
        verbose_name_plural = _("plan PDFs")
        constraints = [models.UniqueConstraint(fields=["plan", "revision_number"], name="plan_pdf_once_per_revision")]

    def __str__(self):
        return f"{self.plan_id} r{self.revision_number} ({self.status})"
