"""Migrations that change what the database refuses, run against rows the old schema allowed."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("declaration", "0002_listing_tally_and_index")]
AFTER = [("declaration", "0003_one_active_signature_per_address")]


@pytest.mark.django_db(transaction=True)
def test_one_active_signature_per_address_keeps_the_confirmed_one_and_drops_the_pending_beside_it():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Declaration = old.get_model("declaration", "Declaration")
    Signature = old.get_model("declaration", "Signature")
    ConsentText = old.get_model("declaration", "ConsentText")
    ConsentEvent = old.get_model("declaration", "ConsentEvent")
    declaration = Declaration.objects.create(slug="d", title_sl="Deklaracija")
    consent_text = ConsentText.objects.create(declaration=declaration, version=1)  # text fields may stay empty

    def sign(email, status, code):
        signature = Signature.objects.create(
            declaration=declaration, name="Ana", email=email, status=status, verification_code=code, email_hash=code
        )
        ConsentEvent.objects.create(kind="given", consent_text=consent_text, signature=signature, email_hash=code)
        return signature

    confirmed = sign("ana@example.org", "confirmed", "AAAAA-00001")
    sign("Ana@Example.org", "pending", "AAAAA-00002")  # allowed beside it by the old indexes
    alone = sign("bor@example.org", "pending", "AAAAA-00003")
    sign("bor@example.org", "withdrawn", "AAAAA-00004")

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)

    from declaration.models import ConsentEvent as ConsentEventNow
    from declaration.models import Signature as SignatureNow

    assert sorted(SignatureNow.objects.values_list("pk", flat=True)) == sorted(
        [confirmed.pk, alone.pk, SignatureNow.objects.get(status="withdrawn").pk]
    )
    assert ConsentEventNow.objects.count() == 4  # the dropped signature's consent stays, unlinked
    assert ConsentEventNow.objects.filter(signature__isnull=True).count() == 1
