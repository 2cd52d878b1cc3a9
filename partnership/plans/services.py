"""Every change to an action plan, one keyword-only atomic function each.

The pages and the API call these; each checks its permission predicate itself, so no caller can
forget it. Concurrency: a save names the version it started from; the conditional UPDATE
``filter(pk=..., version=expected).update(version=F("version") + 1, ...)`` takes the row lock and
succeeds for exactly one of several simultaneous saves. The others raise :class:`EditConflict`
and change nothing. Every change records a :class:`PlanRevision` in the same transaction.
"""

import logging
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coalition.emails import queue_mail
from coalition.models import Organisation
from partnership import permissions
from partnership.models import Action, ActionPlan, Comment, Membership, PlanPdf, PlanRevision

logger = logging.getLogger(__name__)

PLAN_TEXT_FIELDS = ("title", "introduction", "stage", "language")
ACTION_FIELDS = ("pillar", "bottleneck", "proposed_action", "deadline", "status", "indicators")


class EditConflict(Exception):
    """Someone else saved the plan (or the action) since the editor loaded it."""

    def __init__(self, plan):
        super().__init__(f"plan {plan.pk} changed; now at version {plan.version}")
        self.plan = plan


@dataclass
class ActionData:
    """One action as an editor submits it; ``id`` is None for a new action."""

    pillar: str
    proposed_action: str
    id: int | None = None
    bottleneck: str = ""
    deadline: date | None = None
    status: str = Action.Status.PROPOSED
    indicators: str = ""
    partner_ids: list = field(default_factory=list)
    delete: bool = False


# --- snapshots -----------------------------------------------------------------------------------


def _action_snapshot(action, partners):
    return {
        "id": action.pk,
        "pillar": action.pillar,
        "bottleneck": action.bottleneck,
        "proposed_action": action.proposed_action,
        "deadline": action.deadline.isoformat() if action.deadline else None,
        "status": action.status,
        "indicators": action.indicators,
        "partners": [[org.pk, org.name] for org in partners],
    }


def snapshot_of(plan):
    """The plan's text and actions as compact JSON (what a revision keeps)."""
    actions = plan.actions.order_by("order", "id").prefetch_related("responsible_partners")
    return {
        "title": plan.title,
        "introduction": plan.introduction,
        "stage": plan.stage,
        "language": plan.language,
        "status": plan.status,
        "subgroup": plan.subgroup.name_sl,
        "actions": [_action_snapshot(a, sorted(a.responsible_partners.all(), key=lambda o: o.name)) for a in actions],
    }


def _record_revision(*, plan, number, user, kind, message=""):
    plan.refresh_from_db()
    return PlanRevision.objects.create(
        plan=plan,
        number=number,
        author=user if getattr(user, "is_authenticated", False) else None,
        kind=kind,
        message=(message or "").strip()[:500],
        snapshot=snapshot_of(plan),
    )


def _bump(plan, *, expected_version, **changes):
    """Raise the version if it is still ``expected_version``; the row stays locked until commit."""
    updated = ActionPlan.objects.filter(pk=plan.pk, version=expected_version).update(
        version=F("version") + 1, updated=timezone.now(), **changes
    )
    if not updated:
        raise EditConflict(ActionPlan.objects.select_related("subgroup").get(pk=plan.pk))
    return expected_version + 1


# --- creating and editing ----------------------------------------------------------------------


@transaction.atomic
def create_plan(*, user, subgroup, title, stage=ActionPlan.Stage.ORIENTATION_PAPER, introduction="", language="sl"):
    if not permissions.can_create_plan(user, subgroup):
        raise PermissionDenied
    plan = ActionPlan.objects.create(
        subgroup=subgroup,
        title=title,
        stage=stage,
        introduction=introduction,
        language=language,
        version=1,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    _record_revision(plan=plan, number=1, user=user, kind=PlanRevision.Kind.CREATED)
    return plan


def _apply_actions(plan, actions):
    """Create, change, reorder and delete the plan's actions as submitted. Returns True if any changed."""
    existing = {a.pk: a for a in plan.actions.prefetch_related("responsible_partners")}
    wanted_partner_ids = {pid for data in actions for pid in data.partner_ids}
    known_partners = set(Organisation.objects.filter(pk__in=wanted_partner_ids).values_list("pk", flat=True))
    changed = False
    order = 0
    for data in actions:
        action = existing.get(data.id) if data.id else None
        if data.delete:
            if action is not None:
                action.delete()
                changed = True
            continue
        order += 1
        partner_ids = sorted(pid for pid in set(data.partner_ids) if pid in known_partners)
        values = {name: getattr(data, name) for name in ACTION_FIELDS}
        if action is None:
            # A new action, or one someone else deleted meanwhile: the editor's text is kept.
            action = Action.objects.create(plan=plan, order=order, **values)
            action.responsible_partners.set(partner_ids)
            changed = True
            continue
        current_partners = sorted(o.pk for o in action.responsible_partners.all())
        differs = any(getattr(action, name) != value for name, value in values.items())
        if differs or current_partners != partner_ids:
            Action.objects.filter(pk=action.pk).update(order=order, version=F("version") + 1, **values)
            if current_partners != partner_ids:
                action.responsible_partners.set(partner_ids)
            changed = True
        elif action.order != order:
            Action.objects.filter(pk=action.pk).update(order=order)
            changed = True
    return changed


@transaction.atomic
def save_plan(*, user, plan, expected_version, title, introduction, stage, language, actions=None, message=""):
    """Store an editor's version of the plan as a new revision, or raise EditConflict.

    ``actions`` is a list of :class:`ActionData` in the wanted order; actions the editor did not
    submit (for example, added by someone else meanwhile) are left alone, ``delete=True`` removes one.
    """
    if not permissions.can_edit_plan(user, plan):
        raise PermissionDenied
    number = _bump(
        plan, expected_version=expected_version, title=title, introduction=introduction, stage=stage, language=language
    )
    if actions is not None:
        _apply_actions(plan, actions)
    return _record_revision(plan=plan, number=number, user=user, kind=PlanRevision.Kind.EDITED, message=message)


@transaction.atomic
def save_action(*, user, action, expected_version, message="", partner_ids=None, **values):
    """Change one action (for the API): refused with EditConflict if the action changed since it was read."""
    plan = action.plan
    if not permissions.can_edit_plan(user, plan):
        raise PermissionDenied
    unknown = set(values) - set(ACTION_FIELDS)
    if unknown:
        raise ValueError(f"unknown action fields: {sorted(unknown)}")
    # Lock the plan first (every plan change takes this lock in the same order), then the action.
    ActionPlan.objects.filter(pk=plan.pk).update(version=F("version") + 1, updated=timezone.now())
    number = ActionPlan.objects.values_list("version", flat=True).get(pk=plan.pk)
    if not Action.objects.filter(pk=action.pk, version=expected_version).update(version=F("version") + 1, **values):
        raise EditConflict(ActionPlan.objects.select_related("subgroup").get(pk=plan.pk))
    if partner_ids is not None:
        action.responsible_partners.set(Organisation.objects.filter(pk__in=partner_ids))
    action.refresh_from_db()
    return _record_revision(plan=plan, number=number, user=user, kind=PlanRevision.Kind.EDITED, message=message)


@transaction.atomic
def restore_revision(*, user, plan, revision, expected_version, message=""):
    """Bring back an older revision's text and actions; itself a new revision."""
    if not permissions.can_edit_plan(user, plan) or revision.plan_id != plan.pk:
        raise PermissionDenied
    snapshot = revision.snapshot
    number = _bump(
        plan,
        expected_version=expected_version,
        **{name: snapshot.get(name, getattr(plan, name)) for name in PLAN_TEXT_FIELDS},
    )
    kept_ids = set()
    wanted = []
    for item in snapshot.get("actions", []):
        kept_ids.add(item["id"])
        wanted.append(
            ActionData(
                id=item["id"],
                pillar=item["pillar"],
                proposed_action=item["proposed_action"],
                bottleneck=item["bottleneck"],
                deadline=date.fromisoformat(item["deadline"]) if item["deadline"] else None,
                status=item["status"],
                indicators=item["indicators"],
                partner_ids=[pid for pid, _name in item["partners"]],
            )
        )
    plan.actions.exclude(pk__in=kept_ids).delete()
    _apply_actions(plan, wanted)
    default_message = _("Restored revision %(number)s") % {"number": revision.number}
    return _record_revision(
        plan=plan, number=number, user=user, kind=PlanRevision.Kind.RESTORED, message=message or str(default_message)
    )


# --- the review workflow -------------------------------------------------------------------------


def _transition(*, user, plan, allowed, from_statuses, to_status, kind, message="", **changes):
    if not allowed:
        raise PermissionDenied
    updated = ActionPlan.objects.filter(pk=plan.pk, status__in=from_statuses).update(
        status=to_status, version=F("version") + 1, updated=timezone.now(), **changes
    )
    if not updated:
        raise ValidationError(_("The plan's status has changed meanwhile; reload the page."), code="stale_status")
    number = ActionPlan.objects.values_list("version", flat=True).get(pk=plan.pk)
    revision = _record_revision(plan=plan, number=number, user=user, kind=kind, message=message)
    return revision


@transaction.atomic
def submit_plan(*, user, plan, message=""):
    revision = _transition(
        user=user,
        plan=plan,
        allowed=permissions.can_submit_plan(user, plan),
        from_statuses=[ActionPlan.Status.DRAFT],
        to_status=ActionPlan.Status.IN_REVIEW,
        kind=PlanRevision.Kind.SUBMITTED,
        message=message,
        sent_back_reason="",
    )
    queue_mail(
        to=settings.SECRETARIAT_EMAIL,
        template="plan-submitted",
        context={"plan": plan, "subgroup_name": plan.subgroup.name_sl},
        language="sl",
    )
    return revision


@transaction.atomic
def approve_plan(*, user, plan, message=""):
    return _transition(
        user=user,
        plan=plan,
        allowed=permissions.can_review_plan(user, plan) and plan.status == ActionPlan.Status.IN_REVIEW,
        from_statuses=[ActionPlan.Status.IN_REVIEW],
        to_status=ActionPlan.Status.APPROVED,
        kind=PlanRevision.Kind.APPROVED,
        message=message,
    )


@transaction.atomic
def send_back_plan(*, user, plan, reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the plan goes back to draft.")}, code="required")
    revision = _transition(
        user=user,
        plan=plan,
        allowed=permissions.can_review_plan(user, plan),
        from_statuses=[ActionPlan.Status.IN_REVIEW, ActionPlan.Status.APPROVED],
        to_status=ActionPlan.Status.DRAFT,
        kind=PlanRevision.Kind.SENT_BACK,
        message=reason,
        sent_back_reason=reason,
    )
    for email in lead_emails(plan):
        queue_mail(
            to=email, template="plan-sent-back", context={"plan": plan, "reason": reason}, language=plan.language
        )
    return revision


@transaction.atomic
def publish_plan(*, user, plan, message=""):
    return _transition(
        user=user,
        plan=plan,
        allowed=permissions.can_publish(user, plan),
        from_statuses=[ActionPlan.Status.APPROVED],
        to_status=ActionPlan.Status.PUBLISHED,
        kind=PlanRevision.Kind.PUBLISHED,
        message=message,
        published_at=timezone.now(),
    )


# --- comments ------------------------------------------------------------------------------------


def lead_emails(plan, *, exclude_user=None):
    leads = Membership.objects.filter(
        subgroup_id=plan.subgroup_id, role=Membership.Role.LEAD, person__isnull=False
    ).select_related("person")
    emails = []
    for membership in leads:
        person = membership.person
        if exclude_user is not None and person.user_id == exclude_user.pk:
            continue
        if person.email and person.email.lower() not in {e.lower() for e in emails}:
            emails.append(person.email)
    return emails


@transaction.atomic
def add_comment(*, user, plan, body, action=None, parent=None):
    """A comment on the plan or one of its actions, or a reply; the plan's leads hear of it by mail."""
    if not permissions.can_comment(user, plan):
        raise PermissionDenied
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a comment.")}, code="required")
    if action is not None and action.plan_id != plan.pk:
        raise ValidationError({"action": _("This action belongs to another plan.")}, code="invalid")
    if parent is not None:
        if parent.plan_id != plan.pk:
            raise ValidationError({"parent": _("This comment belongs to another plan.")}, code="invalid")
        parent = parent.parent or parent  # replies stay one level deep
        action = parent.action
    comment = Comment.objects.create(plan=plan, action=action, parent=parent, author=user, body=body)
    for email in lead_emails(plan, exclude_user=user):
        queue_mail(
            to=email,
            template="plan-comment",
            context={"plan": plan, "comment": comment, "action": action},
            language=plan.language,
        )
    return comment


@transaction.atomic
def resolve_comment(*, user, comment, resolved=True):
    if not permissions.can_resolve_comment(user, comment):
        raise PermissionDenied
    if resolved:
        Comment.objects.filter(pk=comment.pk, resolved_at__isnull=True).update(
            resolved_at=timezone.now(), resolved_by=user
        )
    else:
        Comment.objects.filter(pk=comment.pk).update(resolved_at=None, resolved_by=None)
    comment.refresh_from_db()
    return comment


# --- PDF -----------------------------------------------------------------------------------------

PDF_RETRY_AFTER = timedelta(minutes=3)


@transaction.atomic
def request_pdf(*, user, plan, revision_number=None, retry=False):
    """The PDF row of the plan's revision; queues its rendering once (again if lost, or failed and ``retry``)."""
    from partnership.plans.tasks import render_plan_pdf

    if not permissions.can_view_plan(user, plan):
        raise PermissionDenied
    number = revision_number or plan.version
    now = timezone.now()
    pdf, created = PlanPdf.objects.get_or_create(plan=plan, revision_number=number, defaults={"requested_at": now})
    stale = (retry and pdf.status == PlanPdf.Status.FAILED) or (
        pdf.status == PlanPdf.Status.PENDING and pdf.requested_at < now - PDF_RETRY_AFTER
    )
    if stale:
        PlanPdf.objects.filter(pk=pdf.pk).update(requested_at=now, status=PlanPdf.Status.PENDING)
    if created or stale:
        render_plan_pdf.delay_on_commit(pdf.pk)
    return pdf


def render_pdf(*, pdf_id):
    """Render and store one revision's PDF unless it is already there (run by the Celery task)."""
    from django.core.files.base import ContentFile

    from partnership.plans.pdf import render_plan_pdf_bytes

    try:
        with transaction.atomic():
            pdf = PlanPdf.objects.select_for_update().filter(pk=pdf_id).first()
            if pdf is None or pdf.status == PlanPdf.Status.READY:
                return pdf
            plan = ActionPlan.objects.select_related("subgroup").get(pk=pdf.plan_id)
            revision = plan.revisions.get(number=pdf.revision_number)
            data = render_plan_pdf_bytes(plan, revision)
            pdf.file.save(f"plan-{plan.pk}-r{pdf.revision_number}.pdf", ContentFile(data), save=False)
            pdf.status = PlanPdf.Status.READY
            pdf.rendered_at = timezone.now()
            pdf.render_count += 1
            pdf.save(update_fields=["file", "status", "rendered_at", "render_count"])
    except Exception as exc:
        # The page then says so and the next request queues the rendering again.
        PlanPdf.objects.filter(pk=pdf_id).exclude(status=PlanPdf.Status.READY).update(status=PlanPdf.Status.FAILED)
        logger.warning("PDF %s of a plan could not be rendered: %s", pdf_id, type(exc).__name__)
        raise
    return pdf
