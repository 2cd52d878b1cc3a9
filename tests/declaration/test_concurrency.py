"""Bursts of simultaneous requests on PostgreSQL (SQLite serialises writers, so it proves nothing)."""

import threading

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from declaration import services
from declaration.models import ConsentEvent, Signature
from tests.declaration.factories import ConsentTextFactory, DeclarationFactory, SignatureFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="concurrency needs PostgreSQL (set DATABASE_URL)",
    ),
]

THREADS = 8


def _burst(function):
    barrier = threading.Barrier(THREADS)
    errors = []

    def run(n):
        try:
            barrier.wait()
            function(n)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_it_keeps_one_pending_signature_when_one_address_signs_many_times_at_once():
    assert connection.vendor == "postgresql"
    declaration = DeclarationFactory()
    consent_text = ConsentTextFactory(declaration=declaration, version=1)

    def sign(n):
        services.sign_declaration(
            declaration=declaration,
            name="Ana Žagar",
            email="Ana@Example.org" if n % 2 else "ana@example.ORG",
            signatory_type="individual",
            consent_given=True,
            consent_text=consent_text,
        )

    assert _burst(sign) == []
    assert Signature.objects.count() == 1
    assert ConsentEvent.objects.count() == 1


def test_it_confirms_and_counts_once_when_the_link_is_opened_many_times_at_once():
    declaration = DeclarationFactory()
    ConsentTextFactory(declaration=declaration, version=1)
    signature = SignatureFactory(declaration=declaration, status="pending", confirmed_at=None)
    results = []

    def confirm(n):
        results.append(services.confirm_signature(signature=Signature.objects.get(pk=signature.pk)))

    assert _burst(confirm) == []
    assert results.count(True) == 1
    assert Signature.objects.confirmed().count() == 1
    from coalition.models import OutboundEmail

    assert OutboundEmail.objects.filter(kind="signature-confirmed").count() == 1


def test_a_new_address_is_stored_without_a_lookup_and_a_repeat_is_found_through_the_unique_index(
    django_capture_on_commit_callbacks,
):
    declaration = DeclarationFactory()
    consent_text = ConsentTextFactory(declaration=declaration, version=1)
    Signature.objects.bulk_create(
        SignatureFactory.build(declaration=declaration, status=status, email=f"p{n}@example.org")
        for n, status in zip(range(3000), ["confirmed", "pending", "withdrawn"] * 1000, strict=True)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE declaration_signature")

    def sign():
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks():
            services.sign_declaration(
                declaration=declaration,
                name="Ana Žagar",
                email="Ana@example.org",
                signatory_type="individual",
                consent_given=True,
                consent_text=consent_text,
            )
        return [q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "declaration_signature"')]

    assert sign() == []  # new: the INSERT alone, the index guards it
    lookups = sign()  # the same address again: refused by the index, then found
    assert len(lookups) == 1
    assert Signature.objects.filter(email__iexact="ana@example.org").count() == 1
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN " + lookups[0])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "signature_one_active_per_email" in plan, plan
