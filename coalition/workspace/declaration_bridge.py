"""What the workspace needs from the declaration app, matched by e-mail (case-insensitive).

The declaration app may not be installed with its models yet; every function here then
answers "nothing" (None or an empty list) so the workspace keeps working without it.
"""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Lower


def signature_model():
    try:
        return apps.get_model("declaration", "Signature")
    except LookupError:
        return None


def consent_event_model():
    try:
        return apps.get_model("declaration", "ConsentEvent")
    except LookupError:
        return None


def is_available():
    return signature_model() is not None


def _status(name):
    Signature = signature_model()
    status = getattr(Signature, "Status", None)
    return getattr(status, name.upper(), name) if status is not None else name


def _signatures_with_status(status_name):
    Signature = signature_model()
    if Signature is None:
        return None
    return (
        Signature.objects.annotate(_email_lower=Lower("email"))
        .filter(status=_status(status_name), _email_lower=Lower(OuterRef("email")))
        .exclude(email=None)
        .exclude(email="")
    )


def signed_exists():
    """``Exists`` expression for people with a confirmed signature under their e-mail, or None."""
    signatures = _signatures_with_status("confirmed")
    return Exists(signatures) if signatures is not None else None


def withdrawn_signature_exists():
    """``Exists`` expression for people with a withdrawn signature under their e-mail, or None.

    A withdrawal normally erases the e-mail, so the secretariat's flag on the person is what
    usually keeps them out of mailings; this catches the rest.
    """
    signatures = _signatures_with_status("withdrawn")
    return Exists(signatures) if signatures is not None else None


def signatures_for(person, extra_emails=()):
    """Signatures under the person's e-mail or the e-mails of people merged into them."""
    Signature = signature_model()
    emails = {e.lower() for e in [person.email, *extra_emails] if e}
    if Signature is None or not emails:
        return []
    related = [
        f.name
        for f in Signature._meta.get_fields()
        if isinstance(f, models.ForeignKey) and f.name in {"declaration", "municipality"}
    ]
    return list(
        Signature.objects.alias(_email_lower=Lower("email"))
        .filter(_email_lower__in=emails)
        .select_related(*related)
        .order_by("pk")
    )


def email_hash_of(email):
    """The declaration ledger's keyed hash of an e-mail, or None without the declaration app."""
    try:
        from declaration.models import email_hash
    except ImportError:
        return None
    return email_hash(email) if email else None


def consent_events_for(person, signatures=()):
    """The ledger's events under the person's e-mail (they outlive an erased signature) or their signatures."""
    ConsentEvent = consent_event_model()
    if ConsentEvent is None:
        return []
    query = models.Q(signature__in=[s.pk for s in signatures])
    hashed = email_hash_of(person.email)
    if hashed:
        query |= models.Q(email_hash=hashed)
    return list(ConsentEvent.objects.filter(query).select_related("consent_text").order_by("at", "pk"))


def withdrawn_email_hashes():
    """E-mail hashes whose latest consent event is a withdrawal."""
    ConsentEvent = consent_event_model()
    if ConsentEvent is None:
        return set()
    latest = {}
    for email_hash, kind in ConsentEvent.objects.order_by("at", "pk").values_list("email_hash", "kind").iterator():
        latest[email_hash] = kind
    withdrawn = getattr(getattr(ConsentEvent, "Kind", None), "WITHDRAWN", "withdrawn")
    return {h for h, kind in latest.items() if kind == withdrawn}


def person_fk_on_signature():
    """The name of a ForeignKey from Signature to Person, if the declaration app keeps one."""
    Signature = signature_model()
    if Signature is None:
        return None
    from coalition.models import Person

    for field in Signature._meta.get_fields():
        if isinstance(field, models.ForeignKey) and field.related_model is Person:
            return field.name
    return None
