import pytest
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from coalition.models import OutboundEmail
from partnership.models import ExpressionOfInterest, Subgroup
from partnership.views import INTEREST_RATE_LIMIT
from tests.factories import PersonFactory

URL_SL = "/sl/partnerstvo/izrazi-interes/"
URL_EN = "/en/partnerstvo/izrazi-interes/"


def _valid(**overrides):
    data = {
        "name": "Ana Novak",
        "email": "Ana.Novak@Example.org",
        "organisation_name": "Obcina idrija",
        "subgroups": [Subgroup.objects.get(slug="euprava").pk, Subgroup.objects.get(slug="poslovni-modeli").pk],
        "message": "Radi bi sodelovali.",
        "privacy_consent": "on",
    }
    data.update(overrides)
    return data


def test_it_shows_the_form_with_every_subgroup_and_the_privacy_link(client, seeded):
    response = client.get(URL_EN)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('name="subgroups"') == 7
    assert reverse("coalition:privacy") in html
    assert 'class="honeypot" aria-hidden="true"' in html


def test_it_preselects_the_subgroup_linked_from_its_page(client, seeded):
    html = client.get(URL_SL + "?podskupina=euprava").content.decode()
    euprava = Subgroup.objects.get(slug="euprava")
    assert f'value="{euprava.pk}" id="id_subgroups_1" checked' in html


def test_it_refuses_wrong_input_with_field_messages_and_stores_nothing(client, seeded):
    response = client.post(URL_EN, {"name": "", "email": "not-an-address", "subgroups": ["999999"]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your name: This field is required." in html
    assert "E-mail: Enter a valid email address." in html
    assert "Subgroups: Select a valid choice." in html
    assert "Please agree to the privacy notice" in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_email_helptext id_email_error"' in html
    assert ExpressionOfInterest.objects.filter(source="web").count() == 0
    assert OutboundEmail.objects.count() == 0


@pytest.mark.parametrize("subgroup", ["9" * 25, "-" + "9" * 25, "a\x00b", "1.5"])
def test_it_refuses_a_subgroup_id_no_database_could_hold_naming_the_field(client, seeded, subgroup):
    response = client.post(URL_EN, _valid(subgroups=[subgroup]))
    assert response.status_code == 400
    assert "Subgroups: " in response.content.decode()
    assert ExpressionOfInterest.objects.filter(source="web").count() == 0


def test_it_asks_for_at_least_one_subgroup_in_slovenian(client, seeded):
    response = client.post(URL_SL, _valid(subgroups=[]))
    assert response.status_code == 400
    assert "Izberite vsaj eno podskupino." in response.content.decode()


def test_it_stores_interest_and_mails_the_person_and_the_contacts_after_commit(
    client, seeded, django_capture_on_commit_callbacks
):
    PersonFactory(email="saša.kontakt@example.org")  # unrelated contact, gets nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL_SL, _valid())
    assert response.status_code == 302
    assert response["Location"].endswith("/izrazi-interes/hvala/")
    interest = ExpressionOfInterest.objects.get(source="web")
    assert interest.status == ExpressionOfInterest.Status.NEW
    assert interest.privacy_consent_at is not None and interest.language == "sl"
    assert {s.slug for s in interest.subgroups.all()} == {"euprava", "poslovni-modeli"}
    # Both subgroups' contact (Saša Kek) has no e-mail on record: one notice to the secretariat address.
    assert sorted(m.to[0] for m in mail.outbox) == ["Ana.Novak@Example.org", "info@skupnostobcin.si"]
    receipt = next(m for m in mail.outbox if m.to == ["Ana.Novak@Example.org"])
    assert "eUprava" in receipt.body and "Poslovni modeli" in receipt.body
    notice = next(m for m in mail.outbox if m.to == ["info@skupnostobcin.si"])
    assert "Ana Novak" in notice.body and "/partnerstvo/interes/" in notice.body


def test_it_writes_the_receipt_in_the_language_of_the_form(client, seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL_EN, _valid())
    receipt = next(m for m in mail.outbox if m.to == ["Ana.Novak@Example.org"])
    assert receipt.subject == "We received your expression of interest"
    assert "eGovernment" in receipt.body


def test_it_sends_one_notice_per_contact_person_with_an_address(client, seeded, django_capture_on_commit_callbacks):
    contact = PersonFactory(email="kontakt@example.org")
    Subgroup.objects.filter(slug__in=["euprava", "ezdravje"]).update(contact_person=contact)
    data = _valid(
        subgroups=list(Subgroup.objects.filter(slug__in=["euprava", "ezdravje"]).values_list("pk", flat=True))
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL_SL, data)
    assert sorted(m.to[0] for m in mail.outbox) == ["Ana.Novak@Example.org", "kontakt@example.org"]


def test_it_silently_drops_what_a_bot_sends_through_the_honeypot(client, seeded, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL_SL, _valid(website="http://spam.example"))
    assert response.status_code == 302
    assert not ExpressionOfInterest.objects.filter(source="web").exists()
    assert mail.outbox == []


@override_settings(TRUSTED_PROXIES=[])
def test_it_limits_submissions_per_client_address(client, seeded):
    limit, _window = INTEREST_RATE_LIMIT
    for n in range(limit):
        assert client.post(URL_SL, _valid(email=f"oseba{n}@example.org")).status_code == 302
    # A forged X-Forwarded-For from an untrusted peer does not open a new bucket.
    blocked = client.post(URL_SL, _valid(email="zadnji@example.org"), HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert blocked.status_code == 429
    assert "Preveč oddaj" in blocked.content.decode()
    assert ExpressionOfInterest.objects.filter(source="web").count() == limit
    other = client.post(URL_SL, _valid(email="drugi@example.org"), REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


@pytest.mark.parametrize("method", ["put", "delete"])
def test_it_refuses_other_methods_than_get_and_post_gracefully(client, seeded, method):
    assert getattr(client, method)(URL_SL).status_code < 500
