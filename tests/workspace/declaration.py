"""Signatures and consent events for workspace tests, built on the declaration app's models."""

from django.utils import timezone


def _declaration_and_consent():
    from declaration.models import ConsentText, Declaration

    declaration = Declaration.objects.first() or Declaration.objects.create(
        **_required(Declaration, {"slug": "deklaracija", "title_sl": "Deklaracija"})
    )
    consent = ConsentText.objects.first() or ConsentText.objects.create(
        **_required(
            ConsentText,
            {
                "declaration": declaration,
                "version": 1,
                "controller": "SOS",
                "legal_basis_sl": "privolitev",
                "purpose_sl": "podpis",
                "withdrawal_email": "info@example.org",
            },
        )
    )
    return declaration, consent


def _required(model, values):
    names = {f.name for f in model._meta.get_fields()}
    return {k: v for k, v in values.items() if k in names}


def confirmed_signature(email, **extra):
    from declaration.models import ConsentEvent, Signature

    declaration, consent = _declaration_and_consent()
    signature = Signature.objects.create(
        declaration=declaration,
        name=extra.pop("name", "Podpisnik"),
        email=email,
        status=Signature.Status.CONFIRMED,
        confirmed_at=timezone.now(),
        **extra,
    )
    ConsentEvent.objects.create(
        kind=ConsentEvent.Kind.GIVEN,
        consent_text=consent,
        channel="web",
        email_hash=signature.email_hash,
        signature=signature,
    )
    return signature


def withdraw(signature):
    """Withdraw as the declaration app does: erase the e-mail, keep the anonymous ledger event."""
    from declaration.models import ConsentEvent, Signature

    _declaration, consent = _declaration_and_consent()
    ConsentEvent.objects.create(
        kind=ConsentEvent.Kind.WITHDRAWN,
        consent_text=consent,
        channel="email",
        email_hash=signature.email_hash,
        signature=signature,
    )
    Signature.objects.filter(pk=signature.pk).update(status=Signature.Status.WITHDRAWN, email="", name="")
