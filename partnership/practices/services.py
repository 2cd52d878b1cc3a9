"""Good-practice workflows: submit, publish, reject. Keyword-only and atomic; mail goes through the outbox."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from coalition.emails import queue_mail
from coalition.models import Tag
from coalition.permissions import person_for
from partnership.models import GoodPractice
from partnership.practices import permissions

MAX_TAGS = 10


def parse_tags(text):
    """Comma-separated tag names, trimmed, de-duplicated case-insensitively; a ValidationError if too many."""
    names, seen = [], set()
    for raw in (text or "").split(","):
        name = " ".join(raw.split())
        if name and name.casefold() not in seen:
            if len(name) > 60:
                raise ValidationError(_("Tags: each tag can be at most 60 characters long."))
            seen.add(name.casefold())
            names.append(name)
    if len(names) > MAX_TAGS:
        raise ValidationError(_("Tags: at most %(max)s tags.") % {"max": MAX_TAGS})
    return names


def _tags_for(names):
    tags = []
    for name in names:
        tag = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(name=name)
        tags.append(tag)
    return tags


@transaction.atomic
def submit_practice(
    *,
    by,
    title,
    subgroup,
    summary,
    problem_solved,
    cost_range,
    municipality=None,
    contact_name="",
    contact_email="",
    link="",
    tag_names=(),
):
    """Record a practice for review; the organisation is the submitter's own. The secretariat is told."""
    if not permissions.can_submit_practice(by):
        raise PermissionDenied
    person = person_for(by)
    organisation = person.organisation if person else None
    if organisation is None and municipality is None:
        raise ValidationError({"municipality": _("Municipality: choose the municipality whose practice this is.")})
    practice = GoodPractice(
        title=title,
        organisation=organisation,
        municipality=municipality,
        subgroup=subgroup,
        summary=summary,
        problem_solved=problem_solved,
        cost_range=cost_range,
        contact_name=contact_name,
        contact_email=contact_email,
        link=link,
        submitted_by=by,
    )
    practice.save()
    practice.tags.set(_tags_for(tag_names))
    practice.refresh_search_text(tag_names)
    GoodPractice.objects.filter(pk=practice.pk).update(search_text=practice.search_text)
    queue_mail(
        to=settings.SECRETARIAT_EMAIL,
        template="practice-submitted",
        context={"practice": practice},
        language="sl",
    )
    return practice


def _review(practice, by, status, note):
    if not permissions.can_review_practices(by):
        raise PermissionDenied
    practice = GoodPractice.objects.select_for_update().get(pk=practice.pk)
    now = timezone.now()
    practice.status = status
    practice.review_note = note
    practice.reviewed_by = by
    practice.reviewed_at = now
    if status == GoodPractice.Status.PUBLISHED and practice.published_at is None:
        practice.published_at = now
    if status != GoodPractice.Status.PUBLISHED:
        practice.published_at = None
    practice.save()
    submitter = practice.submitted_by
    if submitter is not None and submitter.email:
        queue_mail(
            to=submitter.email,
            template="practice-reviewed",
            context={"practice": practice},
            language=get_language(),
        )
    return practice


@transaction.atomic
def publish_practice(*, practice, by, note=""):
    return _review(practice, by, GoodPractice.Status.PUBLISHED, note)


@transaction.atomic
def reject_practice(*, practice, by, note):
    if not (note or "").strip():
        raise ValidationError({"review_note": _("Note: say why the practice is not published.")})
    return _review(practice, by, GoodPractice.Status.REJECTED, note)
