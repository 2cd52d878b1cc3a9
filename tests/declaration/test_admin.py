import pytest
from django.urls import reverse

from declaration.models import ConsentEvent, Signature
from tests.declaration.factories import SignatureFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreed(declaration, consent_text):
    signature = SignatureFactory(declaration=declaration, signatory_type="company", organisation_name="Podjetje")
    ConsentEvent.objects.create(
        kind="given", consent_text=consent_text, channel="web", email_hash=signature.email_hash, signature=signature
    )
    return signature


def test_it_shows_an_agreed_consent_text_read_only_and_the_ledger_without_add_change_or_delete(
    client, secretariat_user, agreed, consent_text
):
    client.force_login(secretariat_user)
    page = client.get(reverse("admin:declaration_consenttext_change", args=[consent_text.pk]))
    assert page.status_code == 200
    assert 'name="text_sl"' not in page.content.decode()
    before = consent_text.text_sl
    client.post(reverse("admin:declaration_consenttext_change", args=[consent_text.pk]), {"text_sl": "drugače"})
    consent_text.refresh_from_db()
    assert consent_text.text_sl == before

    event = ConsentEvent.objects.get()
    assert client.get(reverse("admin:declaration_consentevent_add")).status_code == 403
    assert (
        client.post(reverse("admin:declaration_consentevent_delete", args=[event.pk]), {"post": "yes"}).status_code
        == 403
    )
    assert ConsentEvent.objects.count() == 1


def test_it_verifies_institutions_and_records_withdrawals_through_admin_actions(client, secretariat_user, agreed):
    client.force_login(secretariat_user)
    url = reverse("admin:declaration_signature_changelist")
    client.post(url, {"action": "verify_institutions", "_selected_action": [agreed.pk]})
    agreed.refresh_from_db()
    assert agreed.is_listed_as_institution and agreed.institution_verified_by == secretariat_user

    client.post(url, {"action": "record_withdrawal_by_email", "_selected_action": [agreed.pk]})
    agreed.refresh_from_db()
    assert agreed.status == Signature.Status.WITHDRAWN and agreed.name == ""
    assert ConsentEvent.objects.filter(kind="withdrawn", channel="email").count() == 1

    export = client.post(url, {"action": "export_csv", "_selected_action": [agreed.pk]})
    assert export["Content-Type"].startswith("text/csv")
    assert "Podjetje" not in export.content.decode("utf-8-sig")


def test_it_keeps_signatures_out_of_the_admin_for_staff_outside_the_secretariat(client, plain_user):
    plain_user.is_staff = True
    plain_user.save()
    client.force_login(plain_user)
    assert client.get(reverse("admin:declaration_signature_changelist")).status_code == 403


def test_it_lets_only_the_secretariat_download_a_proof_of_mandate(client, secretariat_user, plain_user, agreed):
    from django.core.files.base import ContentFile

    agreed.mandate_file.save("sklep.pdf", ContentFile(b"%PDF-1.4 sklep"), save=True)
    url = reverse("declaration:secretariat_mandate", args=[agreed.pk])
    client.force_login(plain_user)
    assert client.get(url).status_code == 302
    client.force_login(secretariat_user)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    change = client.get(reverse("admin:declaration_signature_change", args=[agreed.pk])).content.decode()
    assert url in change
