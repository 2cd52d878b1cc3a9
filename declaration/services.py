"""Signing workflows: sign, confirm, withdraw, verify, purge. The one place their rules live.

Every function is keyword-only and atomic; pages, the REST API, the admin and Celery tasks
call these and repeat none of their rules. Mail goes through ``coalition.emails.queue_mail``
(outbox row in the same transaction, sent after commit, swept if the broker is down).

Nothing here tells a caller whether an address had signed before: ``sign_declaration``
returns ``None`` whatever happened, and the mail to the address says what happened.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from coalition.emails import queue_mail
from coalition.models import Municipality, OutboundEmail
from coalition.net import count_hit
from declaration import current, tokens
from declaration.cache import bump_signature_cache
from declaration.models import (
    ACTIVE_INDEX,
    ConsentEvent,
    ConsentText,
    SignatoryType,
    Signature,
    email_hash,
    normalise_email,
)
from declaration.validators import validate_mandate_file

logger = logging.getLogger(__name__)

NAME_MAX = Signature._meta.get_field("name").max_length
ORGANISATION_MAX = Signature._meta.get_field("organisation_name").max_length
POSITION_MAX = Signature._meta.get_field("position").max_length


class SigningRateLimited(Exception):
    """Too many signing attempts from one client address; nothing was stored."""


class SignatureUnavailable(Exception):
    """The signature is gone (purged) or withdrawn, so it cannot be confirmed."""


def _setting(name, default):
    return getattr(settings, name, default)


# --- Spam: per-address rate limit --------------------------------------------------


def check_signing_rate(ip):
    """Count one signing attempt from ``ip``; raise :class:`SigningRateLimited` past the limit.

    The count is atomic in Redis and locmem (``coalition.net.count_hit``), so concurrent requests
    cannot all slip under the limit.
    """
    if not ip:
        return
    limit = _setting("SIGNATURE_RATE_LIMIT", 10)
    window = _setting("SIGNATURE_RATE_WINDOW", 3600)
    try:
        count = count_hit(f"declaration:sign-rate:{ip}", window=window)
    except Exception as exc:  # noqa: BLE001 - Redis down: the e-mail confirmation still guards signing
        logger.warning("Signing rate limit skipped, cache unavailable: %s", type(exc).__name__)
        return
    if count > limit:
        raise SigningRateLimited


# --- Validation shared by the web form and the API ------------------------------------


def validate_signing_data(
    *, declaration, name, email, signatory_type, organisation_name, position, municipality, consent_given, consent_text
):
    """Raise ``ValidationError`` with field names for anything we would not store."""
    errors = {}
    name = (name or "").strip()
    if not name:
        errors["name"] = _("Enter your name.")
    elif len(name) > NAME_MAX:
        errors["name"] = _("The name may be at most %(max)s characters long.") % {"max": NAME_MAX}
    email = normalise_email(email)
    try:
        if len(email) > 254:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError:
        errors["email"] = _("Enter a valid e-mail address.")
    if signatory_type not in SignatoryType.values:
        errors["signatory_type"] = _("Choose whom you sign for.")
    elif signatory_type != SignatoryType.INDIVIDUAL:
        if not (organisation_name or "").strip():
            errors["organisation_name"] = _("Enter the organisation you sign for.")
        if not (position or "").strip():
            errors["position"] = _("Enter your position in the organisation.")
    if len((organisation_name or "").strip()) > ORGANISATION_MAX:
        errors["organisation_name"] = _("The organisation may be at most %(max)s characters long.") % {
            "max": ORGANISATION_MAX
        }
    if len((position or "").strip()) > POSITION_MAX:
        errors["position"] = _("The position may be at most %(max)s characters long.") % {"max": POSITION_MAX}
    if municipality is not None and not isinstance(municipality, Municipality):
        errors["municipality"] = _("Choose a municipality from the list.")
    if signatory_type == SignatoryType.MUNICIPALITY and municipality is None:
        errors["municipality"] = _("Choose the municipality you sign for.")
    if consent_given is not True:
        errors["consent"] = _("To sign, you must agree to the processing of your personal data.")
    in_force = current.consent_text_in_force(declaration)
    if consent_text is None or in_force is None or consent_text.pk != in_force.pk:
        errors["consent"] = _("The consent text has changed. Please read it again and agree to it.")
    if not declaration.is_open():
        errors["__all__"] = _("This declaration is not open for signing.")
    if errors:
        raise ValidationError(errors)


# --- Links and mail -------------------------------------------------------------------


def _absolute(view_name, token, language):
    with translation.override(language):
        return settings.SITE_URL + reverse(view_name, kwargs={"token": token})


def confirmation_url(signature):
    return _absolute("declaration:confirm", tokens.confirmation_token(signature), signature.language)


def management_url(signature):
    return _absolute("declaration:manage", tokens.management_token(signature), signature.language)


def _queue_mail(signature, template):
    context = {
        "signature": signature,
        "declaration": signature.declaration,
        "confirm_url": confirmation_url(signature),
        "manage_url": management_url(signature),
        "link_days": tokens.link_max_age() // 86400,
    }
    extra = {}
    if template == "signature-confirmed":
        extra = {"attachment_task": "declaration.pdf.confirmation_attachment", "attachment_ref": signature.pk}
    queue_mail(to=signature.email, template=template, context=context, language=signature.language, **extra)


def _mail(signature, template):
    """Queue the mail and remember when: a repeated signing mails again only after a while."""
    _queue_mail(signature, template)
    signature.last_mailed_at = timezone.now()
    Signature.objects.filter(pk=signature.pk).update(last_mailed_at=signature.last_mailed_at)


def _remind(signature):
    """The address signed before: tell it (and only it) what happened, at most once a minute."""
    interval = timedelta(seconds=_setting("SIGNATURE_RESEND_INTERVAL", 60))
    if signature.last_mailed_at and timezone.now() - signature.last_mailed_at < interval:
        return
    template = "signature-already" if signature.status == Signature.Status.CONFIRMED else "signature-confirm"
    _mail(signature, template)


def _bump_after_commit(declaration_id):
    transaction.on_commit(lambda: bump_signature_cache(declaration_id))


# --- Workflows -------------------------------------------------------------------------


def sign_declaration(
    *,
    declaration,
    name,
    email,
    signatory_type,
    consent_given,
    consent_text,
    organisation_name="",
    position="",
    municipality=None,
    show_publicly=False,
    mandate_file=None,
    channel=ConsentEvent.Channel.WEB,
    language=None,
    ip=None,
):
    """Store a pending signature with its consent event and mail the confirmation link.

    The same address signing again (in any letter case) stores nothing new; the mail it gets
    says what happened. Returns ``None`` either way, so no caller can tell the cases apart.
    Raises ``ValidationError`` (with field names) or :class:`SigningRateLimited`.
    """
    check_signing_rate(ip)
    validate_signing_data(
        declaration=declaration,
        name=name,
        email=email,
        signatory_type=signatory_type,
        organisation_name=organisation_name,
        position=position,
        municipality=municipality,
        consent_given=consent_given,
        consent_text=consent_text,
    )
    if mandate_file is not None:
        try:
            validate_mandate_file(mandate_file)
        except ValidationError as exc:
            raise ValidationError({"mandate_file": exc.messages}) from exc
    email = normalise_email(email)
    individual = signatory_type == SignatoryType.INDIVIDUAL
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE

    # The proof of mandate is written to storage once, before any attempt, and removed again unless
    # a new signature keeps it (the address had signed, or nothing was stored).
    mandate = _store_mandate(mandate_file) if mandate_file is not None and not individual else None
    kept = False
    try:
        kept = _insert_or_remind(
            declaration=declaration,
            name=name,
            email=email,
            individual=individual,
            signatory_type=signatory_type,
            organisation_name=organisation_name,
            position=position,
            municipality=municipality,
            show_publicly=show_publicly,
            mandate_file=mandate,
            language=language,
            consent_text=consent_text,
            channel=channel,
        )
    finally:
        if mandate and not kept:
            Signature._meta.get_field("mandate_file").storage.delete(mandate)
    return None


def _insert_or_remind(*, declaration, email, **fields):
    """Store a new pending signature (True), or remind the address's active one (False).

    A new address (nearly every signing) is one INSERT: the unique index on active signatures
    refuses a second one for the same address, and only then is it looked up. That also settles a
    race: a concurrent signing of the same address waits on the index until the first commits.
    """
    for attempt in range(3):
        try:
            with transaction.atomic():
                existing = None if attempt == 0 else _active_signature(declaration, email)
                if existing is not None:
                    _remind(existing)
                    return False
                _store_signature(declaration=declaration, email=email, **fields)
            return True
        except IntegrityError as exc:
            if not _refused_as_active(exc):
                raise
    # Refused three times, yet no active signature found each time: not expected. Said without the
    # database's detail, which names the address.
    raise IntegrityError(f"{ACTIVE_INDEX} refused a signing three times") from None


def _refused_as_active(exc):
    """Whether ``exc`` is the unique index on active signatures refusing a second one for an address."""
    constraint = getattr(getattr(exc.__cause__, "diag", None), "constraint_name", None)  # PostgreSQL
    return constraint == ACTIVE_INDEX if constraint else ACTIVE_INDEX in str(exc)  # SQLite names it


def _store_mandate(upload):
    """Write the uploaded proof of mandate to storage; its stored name."""
    field = Signature._meta.get_field("mandate_file")
    return field.storage.save(field.generate_filename(None, upload.name), upload, max_length=field.max_length)


def _active_signature(declaration, email):
    """The address's pending or confirmed signature, locked; None if there is none (any more)."""
    active = Signature.objects.filter(declaration=declaration).active_with_email(email)
    # At most one row. No ORDER BY or LIMIT (``first()``): they tempt PostgreSQL to walk the primary
    # key past every signature instead of reading the unique index.
    existing = next(iter(active.select_for_update().order_by()), None)
    if existing is not None:
        existing.declaration = declaration
    return existing


def _store_signature(*, declaration, email, individual, consent_text, channel, **fields):
    """Insert the pending signature, its consent event and its confirmation mail (in the caller's transaction)."""
    signature = Signature(
        declaration=declaration,
        name=fields["name"].strip(),
        email=email,
        signatory_type=fields["signatory_type"],
        organisation_name="" if individual else fields["organisation_name"].strip(),
        position="" if individual else fields["position"].strip(),
        municipality=fields["municipality"],
        show_publicly=bool(fields["show_publicly"]),
        mandate_file=fields["mandate_file"],  # its stored name, or None
        language=fields["language"],
        last_mailed_at=timezone.now(),  # the link is queued below, in this transaction
    )
    signature.save(force_insert=True)
    ConsentEvent.objects.create(
        kind=ConsentEvent.Kind.GIVEN,
        consent_text=consent_text,
        channel=channel,
        email_hash=signature.email_hash,
        signature=signature,
    )
    _queue_mail(signature, "signature-confirm")


def confirm_signature(*, signature):
    """Confirm a pending signature once; return True if this call confirmed it.

    The row lock makes a link opened several times at once confirm once and count once.
    """
    with transaction.atomic():
        locked = Signature.objects.select_for_update().filter(pk=signature.pk).select_related("declaration").first()
        if locked is None or locked.status == Signature.Status.WITHDRAWN:
            raise SignatureUnavailable
        if locked.status == Signature.Status.CONFIRMED:
            return False
        locked.status = Signature.Status.CONFIRMED
        locked.confirmed_at = timezone.now()
        locked.save(update_fields=["status", "confirmed_at"])
        _mail(locked, "signature-confirmed")
        _bump_after_commit(locked.declaration_id)
    signature.refresh_from_db()
    return True


def withdraw_signature(*, signature, channel=ConsentEvent.Channel.WEB):
    """Record the withdrawal, erase the personal data and keep only the anonymous events.

    The same function serves the management link (channel web), the API and the secretariat
    recording a withdrawal received by e-mail. Returns False if it was already withdrawn.
    """
    with transaction.atomic():
        locked = Signature.objects.select_for_update().filter(pk=signature.pk).first()
        if locked is None or locked.status == Signature.Status.WITHDRAWN:
            return False
        last_given = locked.consent_events.filter(kind=ConsentEvent.Kind.GIVEN).order_by("-at").first()
        consent_text = last_given.consent_text if last_given else locked.declaration.current_consent_text()
        if consent_text is None:
            consent_text = ConsentText.objects.filter(declaration_id=locked.declaration_id).first()
        ConsentEvent.objects.create(
            kind=ConsentEvent.Kind.WITHDRAWN,
            consent_text=consent_text,
            channel=channel,
            email_hash=locked.email_hash or email_hash(locked.email),
            signature=locked,
        )
        _drop_owed_mail(locked.email)
        if locked.mandate_file:
            stored = locked.mandate_file.name
            storage = locked.mandate_file.storage
            transaction.on_commit(lambda: storage.delete(stored))
        locked.status = Signature.Status.WITHDRAWN
        locked.withdrawn_at = timezone.now()
        locked.name = ""
        locked.email = ""
        locked.organisation_name = ""
        locked.position = ""
        locked.municipality = None
        locked.show_publicly = False
        locked.mandate_file = ""
        locked.institution_verified_by = None
        locked.save()
        _bump_after_commit(locked.declaration_id)
    signature.refresh_from_db()
    return True


def _drop_owed_mail(email):
    """Withdrawn or purged: no mail still owed to the address goes out, and ours are erased."""
    if not email:
        return
    owed = OutboundEmail.objects.owed().filter(to__iexact=email)
    ours = OutboundEmail.objects.filter(to__iexact=email, kind__startswith="signature-")
    OutboundEmail.objects.filter(
        pk__in=list(owed.values_list("pk", flat=True)) + list(ours.values_list("pk", flat=True))
    ).delete()


def verify_institution(*, signature, user):
    """The secretariat checked the mandate: list the signature as its institution."""
    with transaction.atomic():
        locked = Signature.objects.select_for_update().get(pk=signature.pk)
        if locked.status == Signature.Status.WITHDRAWN:
            raise SignatureUnavailable
        if not locked.is_institution or locked.institution_verified_at:
            return False
        locked.institution_verified_at = timezone.now()
        locked.institution_verified_by = user
        locked.save(update_fields=["institution_verified_at", "institution_verified_by", "search_text"])
        _bump_after_commit(locked.declaration_id)
    signature.refresh_from_db()
    return True


def purge_unconfirmed_signatures(*, now=None):
    """Delete signatures left unconfirmed longer than the confirmation link lives.

    Their consent events stay, anonymous (the signature link becomes empty).
    Returns how many were purged.
    """
    now = now or timezone.now()
    cutoff = now - timedelta(seconds=tokens.link_max_age())
    purged = 0
    stale = list(Signature.objects.unconfirmed_before(cutoff).values_list("pk", flat=True)[:1000])
    for pk in stale:
        with transaction.atomic():
            signature = Signature.objects.select_for_update().filter(pk=pk, status=Signature.Status.PENDING).first()
            if signature is None:
                continue
            _drop_owed_mail(signature.email)
            if signature.mandate_file:
                stored, storage = signature.mandate_file.name, signature.mandate_file.storage
                transaction.on_commit(lambda stored=stored, storage=storage: storage.delete(stored))
            signature.delete()
            purged += 1
    return purged


def signature_data(signature):
    """Everything kept about the signature, for the person's own download (GDPR Art. 15, 20)."""
    events = [
        {
            "kind": event.kind,
            "consent_text_version": event.consent_text.version,
            "consent_text": event.consent_text.text_sl,
            "controller": event.consent_text.controller,
            "at": event.at.isoformat(),
            "channel": event.channel,
        }
        for event in signature.consent_events.select_related("consent_text").order_by("at", "pk")
    ]
    return {
        "declaration": signature.declaration.title_sl,
        "status": signature.status,
        "name": signature.name,
        "email": signature.email,
        "signatory_type": signature.signatory_type,
        "organisation": signature.organisation_name,
        "position": signature.position,
        "municipality": signature.municipality.name if signature.municipality_id else None,
        "show_publicly": signature.show_publicly,
        "proof_of_mandate_uploaded": bool(signature.mandate_file),
        "institution_verified_at": signature.institution_verified_at.isoformat()
        if signature.institution_verified_at
        else None,
        "verification_code": signature.verification_code,
        "language": signature.language,
        "created": signature.created.isoformat(),
        "confirmed_at": signature.confirmed_at.isoformat() if signature.confirmed_at else None,
        "withdrawn_at": signature.withdrawn_at.isoformat() if signature.withdrawn_at else None,
        "consent_events": events,
    }
