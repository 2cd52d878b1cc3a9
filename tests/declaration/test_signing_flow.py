import json
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from declaration.models import ConsentEvent, Signature

pytestmark = pytest.mark.django_db


def _link(message, kind):
    match = re.search(rf"http://testserver(/\w\w/deklaracija/{kind}/[^\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def _sign(client, data, django_capture_on_commit_callbacks, language="sl"):
    with translation.override(language):
        url = reverse("declaration:sign")
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(url, data)


def test_it_stores_a_pending_signature_with_its_consent_event_and_mails_the_link(
    client, sign_data, consent_text, django_capture_on_commit_callbacks
):
    response = _sign(client, sign_data, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == "/sl/deklaracija/podpis/poslano/"
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.email == "Ana.Zagar@Example.org"
    event = ConsentEvent.objects.get()
    assert (event.kind, event.channel, event.consent_text, event.signature) == (
        "given",
        "web",
        consent_text,
        signature,
    )
    assert event.email_hash == signature.email_hash
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["Ana.Zagar@Example.org"]
    assert "/sl/deklaracija/potrditev/" in mail.outbox[0].body


def test_it_confirms_only_on_post_and_mails_the_pdf_and_the_management_link(
    client, sign_data, django_capture_on_commit_callbacks
):
    _sign(client, sign_data, django_capture_on_commit_callbacks)
    confirm_url = _link(mail.outbox[0], "potrditev")

    page = client.get(confirm_url)
    assert page.status_code == 200
    assert "Potrdi moj podpis" in page.content.decode() or "Confirm my signature" in page.content.decode()
    assert Signature.objects.get().status == Signature.Status.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(confirm_url)
    assert response.status_code == 200
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.CONFIRMED
    confirmation = mail.outbox[1]
    assert confirmation.attachments[0][0].endswith(".pdf")
    assert confirmation.attachments[0][1][:5] == b"%PDF-"
    assert confirmation.attachments[0][2] == "application/pdf"
    assert signature.verification_code in confirmation.body
    manage_url = _link(confirmation, "moj-podpis")
    assert client.get(manage_url).status_code == 200


def test_it_lets_the_signatory_download_their_data_and_withdraw(client, sign_data, django_capture_on_commit_callbacks):
    _sign(client, sign_data, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_link(mail.outbox[0], "potrditev"))
    manage_url = _link(mail.outbox[1], "moj-podpis")

    data = client.get(manage_url + "podatki.json")
    assert data.status_code == 200
    kept = json.loads(data.content)
    assert kept["email"] == "Ana.Zagar@Example.org"
    assert kept["consent_events"][0]["kind"] == "given"
    assert kept["consent_events"][0]["consent_text"].startswith("Soglasje")

    pdf = client.get(manage_url + "potrdilo.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(manage_url + "umik/")
    assert response.status_code == 200
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.WITHDRAWN
    assert (signature.name, signature.email, signature.organisation_name, signature.position) == ("", "", "", "")
    assert list(signature.consent_events.values_list("kind", "channel")) == [("given", "web"), ("withdrawn", "web")]
    assert "Ana" not in client.get(manage_url).content.decode()
