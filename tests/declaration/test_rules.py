from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coalition.models import OutboundEmail
from coalition.tasks import sweep_outbox
from declaration import services, tokens
from declaration.models import ConsentEvent, Signature, email_hash
from tests.declaration.factories import SignatureFactory
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

SIGN_URL = "/sl/deklaracija/podpis/"


def _post(client, data, capture, **extra):
    with capture(execute=True):
        return client.post(SIGN_URL, data, **extra)


def test_it_gives_the_same_answer_to_an_address_that_already_signed_and_mails_it_the_management_link(
    client, sign_data, django_capture_on_commit_callbacks
):
    first = _post(client, sign_data, django_capture_on_commit_callbacks)
    Signature.objects.update(status=Signature.Status.CONFIRMED, confirmed_at=timezone.now(), last_mailed_at=None)
    again = _post(client, {**sign_data, "email": "ANA.ZAGAR@example.ORG"}, django_capture_on_commit_callbacks)

    assert (first.status_code, first["Location"]) == (again.status_code, again["Location"])
    assert Signature.objects.count() == 1
    assert ConsentEvent.objects.count() == 1
    assert len(mail.outbox) == 2
    assert mail.outbox[-1].to == ["Ana.Zagar@Example.org"]
    assert "/moj-podpis/" in mail.outbox[-1].body


def test_it_resends_the_confirmation_link_to_a_pending_address_without_a_second_signature(
    client, sign_data, django_capture_on_commit_callbacks
):
    _post(client, sign_data, django_capture_on_commit_callbacks)
    Signature.objects.update(last_mailed_at=timezone.now() - timedelta(minutes=5))
    response = _post(client, {**sign_data, "email": "ana.zagar@example.org"}, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert Signature.objects.count() == 1
    assert len(mail.outbox) == 2
    assert "/potrditev/" in mail.outbox[1].body


def test_it_stores_the_signature_and_shows_the_normal_page_when_the_broker_is_down_and_the_sweep_mails_once(
    client, sign_data, django_capture_on_commit_callbacks
):
    with mock.patch("coalition.tasks.send_outbound_email.apply_async", side_effect=OSError("broker down")):
        response = _post(client, sign_data, django_capture_on_commit_callbacks)

    assert response.status_code == 302 and response["Location"].endswith("/podpis/poslano/")
    assert Signature.objects.pending().count() == 1
    assert ConsentEvent.objects.filter(kind="given").count() == 1
    assert mail.outbox == []
    OutboundEmail.objects.update(created=timezone.now() - timedelta(minutes=5))
    assert sweep_outbox() == 1
    assert sweep_outbox() == 0
    assert len(mail.outbox) == 1
    assert "/potrditev/" in mail.outbox[0].body


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"consent": ""}, "consent"),
        ({"email": "not-an-address"}, "email"),
        ({"name": "x" * 10_000}, "name"),
        ({"municipality": "999999"}, "municipality"),
        ({"signatory_type": "company", "organisation_name": "", "position": ""}, "organisation_name"),
        ({"consent_version": "7"}, "consent"),
    ],
)
def test_it_refuses_bad_input_with_a_message_naming_the_field_and_stores_nothing(
    client, sign_data, django_capture_on_commit_callbacks, change, field
):
    response = _post(client, {**sign_data, **change}, django_capture_on_commit_callbacks)

    assert response.status_code == 400
    assert field in response.context["form"].errors
    assert f'id="id_{field}_error"' in response.content.decode()
    assert Signature.objects.count() == 0
    assert ConsentEvent.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("sklep.pdf", b"MZ\x90\x00 this is an executable"),
        ("sklep.png", b"%PDF-1.4 a pdf pretending to be png"),
        ("sklep.exe", b"%PDF-1.4 ok content wrong name"),
        ("sklep.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024)),
    ],
)
def test_it_refuses_a_proof_of_mandate_of_the_wrong_type_or_size(
    client, sign_data, django_capture_on_commit_callbacks, name, content
):
    data = {**sign_data, "signatory_type": "company", "organisation_name": "Podjetje d.o.o.", "position": "direktorica"}
    data["mandate_file"] = SimpleUploadedFile(name, content)
    response = _post(client, data, django_capture_on_commit_callbacks)

    assert response.status_code == 400
    assert "mandate_file" in response.context["form"].errors
    assert Signature.objects.count() == 0


def _for_municipality(sign_data, municipality):
    """The signing form filled in on behalf of ``municipality``, with a PDF proof of mandate."""
    return {
        **sign_data,
        "signatory_type": "municipality",
        "organisation_name": "Občina Test",
        "position": "župan",
        "municipality": str(municipality.pk),
        "mandate_file": SimpleUploadedFile("sklep.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n"),
    }


def test_it_accepts_a_pdf_mandate_for_an_institution(client, sign_data, django_capture_on_commit_callbacks):
    municipality = MunicipalityFactory()
    response = _post(client, _for_municipality(sign_data, municipality), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.mandate_file.name.endswith(".pdf")
    assert signature.municipality == municipality
    assert not signature.is_listed_as_institution


def test_a_repeat_signing_with_a_mandate_keeps_no_second_file(
    client, sign_data, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    municipality = MunicipalityFactory()
    for _ in range(2):
        data = _for_municipality(sign_data, municipality)
        assert _post(client, data, django_capture_on_commit_callbacks).status_code == 302

    signature = Signature.objects.get()
    stored = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert [path.name for path in stored] == [signature.mandate_file.name.rsplit("/", 1)[-1]]


def test_a_signing_that_fails_after_its_mandate_was_stored_leaves_no_file_and_no_row(
    client, sign_data, django_capture_on_commit_callbacks, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    data = _for_municipality(sign_data, MunicipalityFactory())
    with mock.patch("declaration.services._queue_mail", side_effect=RuntimeError("mail template broken")):
        with pytest.raises(RuntimeError):
            _post(client, data, django_capture_on_commit_callbacks)

    assert Signature.objects.count() == 0 and ConsentEvent.objects.count() == 0
    assert [path for path in tmp_path.rglob("*") if path.is_file()] == []


def test_it_pretends_success_to_a_bot_that_fills_the_honeypot(client, sign_data, django_capture_on_commit_callbacks):
    response = _post(client, {**sign_data, "website": "http://spam.example"}, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert Signature.objects.count() == 0
    assert mail.outbox == []


def test_it_limits_signing_per_client_address_and_ignores_a_forged_forwarded_header(
    client, sign_data, django_capture_on_commit_callbacks, settings
):
    settings.SIGNATURE_RATE_LIMIT = 2
    for n in range(2):
        ok = _post(client, {**sign_data, "email": f"a{n}@example.org"}, django_capture_on_commit_callbacks)
        assert ok.status_code == 302
    limited = _post(
        client,
        {**sign_data, "email": "a9@example.org"},
        django_capture_on_commit_callbacks,
        HTTP_X_FORWARDED_FOR="203.0.113.9",
    )
    assert limited.status_code == 429
    assert Signature.objects.count() == 2


def test_it_shows_a_clear_page_and_changes_nothing_for_a_tampered_or_expired_link(client, settings, declaration):
    signature = SignatureFactory(declaration=declaration, status=Signature.Status.PENDING, confirmed_at=None)
    token = tokens.confirmation_token(signature)

    tampered = client.post(reverse("declaration:confirm", kwargs={"token": token[:-2] + "xx"}))
    assert tampered.status_code == 400

    settings.SIGNATURE_LINK_MAX_AGE = -1
    expired = client.post(reverse("declaration:confirm", kwargs={"token": token}))
    assert expired.status_code == 410
    assert client.get(reverse("declaration:manage", kwargs={"token": "nonsense"})).status_code == 400
    signature.refresh_from_db()
    assert signature.status == Signature.Status.PENDING


def test_it_confirms_twice_only_once(declaration, consent_text, django_capture_on_commit_callbacks):
    signature = SignatureFactory(declaration=declaration, status=Signature.Status.PENDING, confirmed_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.confirm_signature(signature=signature) is True
        assert services.confirm_signature(signature=signature) is False
    assert Signature.objects.confirmed().count() == 1
    assert OutboundEmail.objects.filter(kind="signature-confirmed").count() == 1


def test_it_withdraws_from_the_secretariat_with_the_same_effect_and_keeps_the_anonymous_hash(
    client, secretariat_user, sign_data, django_capture_on_commit_callbacks
):
    _post(client, sign_data, django_capture_on_commit_callbacks)
    signature = Signature.objects.get()
    services.confirm_signature(signature=signature)
    client.force_login(secretariat_user)
    response = client.post(
        reverse("declaration:secretariat_withdrawal"), {"email": "ana.zagar@EXAMPLE.org", "confirm": "on"}
    )

    assert response.status_code == 200
    signature.refresh_from_db()
    assert signature.status == Signature.Status.WITHDRAWN
    assert signature.email == "" and signature.name == ""
    withdrawn = ConsentEvent.objects.get(kind="withdrawn")
    assert withdrawn.channel == "email"
    assert withdrawn.email_hash == email_hash("ana.zagar@example.org")
    assert not OutboundEmail.objects.filter(to__iexact="ana.zagar@example.org").exists()


def test_it_keeps_the_secretariat_pages_from_everyone_else(client, plain_user):
    client.force_login(plain_user)
    assert client.get(reverse("declaration:secretariat_export")).status_code == 302
    assert client.get(reverse("declaration:secretariat_withdrawal")).status_code == 302


def test_it_exports_confirmed_signatures_with_emails_only_for_the_secretariat(client, secretariat_user, declaration):
    SignatureFactory(declaration=declaration, email="vidna@example.org")
    SignatureFactory(declaration=declaration, email="pending@example.org", status="pending", confirmed_at=None)
    SignatureFactory(declaration=declaration, email="", name="", status="withdrawn")
    client.force_login(secretariat_user)
    body = client.get(reverse("declaration:secretariat_export")).content.decode("utf-8-sig")

    lines = body.strip().splitlines()
    assert len(lines) == 2
    assert "vidna@example.org" in lines[1]


def test_it_purges_unconfirmed_signatures_after_seven_days_and_keeps_their_anonymous_events(declaration, consent_text):
    old = SignatureFactory(declaration=declaration, status="pending", confirmed_at=None)
    old.created = timezone.now() - timedelta(days=8)
    old.save()
    ConsentEvent.objects.create(
        kind="given", consent_text=consent_text, channel="web", email_hash=old.email_hash, signature=old
    )
    fresh = SignatureFactory(declaration=declaration, status="pending", confirmed_at=None)

    from declaration.tasks import purge_unconfirmed_signatures

    assert purge_unconfirmed_signatures.delay().get() == 1
    assert list(Signature.objects.values_list("pk", flat=True)) == [fresh.pk]
    event = ConsentEvent.objects.get()
    assert event.signature is None and event.email_hash == old.email_hash


def test_it_never_changes_a_consent_text_once_agreed_to_nor_the_ledger(declaration, consent_text):
    signature = SignatureFactory(declaration=declaration)
    event = ConsentEvent.objects.create(
        kind="given", consent_text=consent_text, channel="web", email_hash="x", signature=signature
    )
    consent_text.text_sl = "Nova besedila"
    with pytest.raises(ValidationError):
        consent_text.save()
    with pytest.raises(ValidationError):
        consent_text.full_clean()
    event.channel = "api"
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()
    with pytest.raises(ValidationError):
        ConsentEvent.objects.all().delete()
    with pytest.raises(ValidationError):
        ConsentEvent.objects.update(channel="api")


def test_it_validates_service_input_with_field_names_for_the_api(declaration, consent_text):
    with pytest.raises(ValidationError) as error:
        services.sign_declaration(
            declaration=declaration,
            name="",
            email="bad",
            signatory_type="ngo",
            consent_given=False,
            consent_text=consent_text,
        )
    assert {"name", "email", "organisation_name", "position", "consent"} <= set(error.value.message_dict)
    assert Signature.objects.count() == 0


def test_it_does_not_purge_an_old_pending_signature_whose_link_was_just_resent(declaration):
    resent = SignatureFactory(declaration=declaration, status="pending", confirmed_at=None)
    Signature.objects.filter(pk=resent.pk).update(
        created=timezone.now() - timedelta(days=9), last_mailed_at=timezone.now() - timedelta(minutes=2)
    )
    assert services.purge_unconfirmed_signatures() == 0
    assert Signature.objects.filter(pk=resent.pk).exists()


def test_it_exports_a_name_that_looks_like_a_formula_as_plain_text(client, secretariat_user, declaration):
    SignatureFactory(declaration=declaration, name='=HYPERLINK("http://evil.example")')
    client.force_login(secretariat_user)
    body = client.get(reverse("declaration:secretariat_export")).content.decode("utf-8-sig")
    assert "'=HYPERLINK" in body


def test_it_still_signs_and_shows_the_pages_when_the_cache_is_down(
    client, sign_data, django_capture_on_commit_callbacks
):
    def down(*args, **kwargs):
        raise ConnectionError("redis down")

    with mock.patch.multiple("django.core.cache.cache", get=down, set=down, add=down, incr=down):
        response = _post(client, sign_data, django_capture_on_commit_callbacks)
        assert response.status_code == 302
        services.confirm_signature(signature=Signature.objects.get())
        for name in ("detail", "signatories", "statistics"):
            assert client.get(reverse(f"declaration:{name}")).status_code == 200
    assert Signature.objects.confirmed().count() == 1
