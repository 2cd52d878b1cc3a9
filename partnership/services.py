"""Workflows of the partnership: expressing interest in a subgroup, and the secretariat's decision.

Keyword-only, atomic functions; views and admin actions call these and repeat none of their rules.
Mail goes through :func:`coalition.emails.queue_mail`, so it leaves only after the commit.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from coalition.accounts import link_person_to_user
from coalition.emails import queue_mail
from coalition.models import Organisation, Person
from coalition.text import fold
from partnership.models import ExpressionOfInterest, Membership


class AlreadyDecided(Exception):
    """The expression of interest was accepted or declined before; nothing was changed."""


@transaction.atomic
def express_interest(*, partnership, name, email, organisation_name, subgroups, message, language):
    """Store an expression of interest and queue the receipt and the contact persons' notices."""
    interest = ExpressionOfInterest.objects.create(
        partnership=partnership,
        name=name.strip(),
        email=email.strip(),
        organisation_name=organisation_name.strip(),
        message=message.strip(),
        privacy_consent_at=timezone.now(),
        language=language,
    )
    subgroups = list(subgroups)
    interest.subgroups.set(subgroups)
    queue_mail(
        to=interest.email,
        template="interest-receipt",
        context={"interest": interest, "subgroups": subgroups},
        language=language,
    )
    for recipient, their_subgroups in _notice_recipients(subgroups).items():
        queue_mail(
            to=recipient,
            template="interest-notice",
            context={
                "interest": interest,
                "subgroups": their_subgroups,
                "triage_url": settings.SITE_URL + reverse("partnership:triage"),
            },
            language="sl",
        )
    return interest


def _notice_recipients(subgroups):
    """One notice per contact person; a contact without an e-mail is reached through the secretariat's address."""
    recipients = {}
    for subgroup in subgroups:
        contact = subgroup.contact_person
        address = contact.email if contact and contact.email else settings.SECRETARIAT_EMAIL
        recipients.setdefault(address, []).append(subgroup)
    return recipients


def _locked_undecided(interest):
    interest = ExpressionOfInterest.objects.select_for_update().get(pk=interest.pk)
    if interest.status != ExpressionOfInterest.Status.NEW:
        raise AlreadyDecided(interest.get_status_display())
    return interest


@transaction.atomic
def accept_interest(*, interest, decided_by):
    """Link or create the person and organisation, make them a member of each chosen subgroup, tell them.

    Matching never duplicates: the person by e-mail (case-insensitive), the organisation by name
    (case- and diacritic-insensitive). An existing membership is kept as it is.
    """
    interest = _locked_undecided(interest)
    organisation = find_or_create_organisation(name=interest.organisation_name)
    person = find_or_create_person(name=interest.name, email=interest.email, organisation=organisation)
    subgroups = list(interest.subgroups.all())
    for subgroup in subgroups:
        Membership.objects.get_or_create(subgroup=subgroup, person=person, defaults={"role": Membership.Role.MEMBER})
    interest.status = ExpressionOfInterest.Status.ACCEPTED
    interest.person = person
    interest.organisation = organisation or person.organisation
    interest.decided_by = decided_by
    interest.decided_at = timezone.now()
    interest.save()
    link_person_to_user(person)
    queue_mail(
        to=person.email,
        template="interest-accepted",
        context={"interest": interest, "subgroups": subgroups, "site_path": reverse("partnership:subgroups")},
        language=interest.language,
    )
    return interest


@transaction.atomic
def decline_interest(*, interest, decided_by, reason):
    reason = (reason or "").strip()
    if not reason:
        raise ValueError("A reason is required to decline an expression of interest.")
    interest = _locked_undecided(interest)
    interest.status = ExpressionOfInterest.Status.DECLINED
    interest.decline_reason = reason
    interest.decided_by = decided_by
    interest.decided_at = timezone.now()
    interest.save()
    return interest


def find_or_create_person(*, name, email, organisation):
    """The contact with this e-mail (any case), or a new one; never a second contact for one address."""
    person = Person.objects.with_email(email).select_related("organisation").first()
    if person is None:
        try:
            with transaction.atomic():
                person = Person.objects.create(name=name, email=email, organisation=organisation)
        except IntegrityError:
            # Someone created the same address at the same moment: use theirs.
            person = Person.objects.with_email(email).select_related("organisation").get()
    if person.organisation_id is None and organisation is not None:
        person.organisation = organisation
        person.save()
    return person


def find_or_create_organisation(*, name):
    """The organisation whose name, English name or short name folds to ``name``, or a new one of kind other."""
    wanted = fold(name)
    if not wanted:
        return None
    for candidate in Organisation.objects.search(name).order_by("pk"):
        if wanted in {fold(candidate.name), fold(candidate.name_en), fold(candidate.short_name)}:
            return candidate
    return Organisation.objects.create(name=name.strip(), slug=_free_slug(name), kind=Organisation.Kind.OTHER)


def _free_slug(name):
    base = (slugify(fold(name)) or "organizacija")[:70]
    slug, n = base, 1
    while Organisation.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug
