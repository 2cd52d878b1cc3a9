"""The declaration, its public signatories and signing over the API (the web form's double opt-in)."""

import csv
import io

import pytest
from django.utils import timezone

from declaration.models import ConsentEvent, SignatoryType, Signature
from tests.declaration.factories import SignatureFactory
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signing(consent_text):
    return {
        "name": "Ana Žagar",
        "email": "ana.zagar@example.org",
        "signatory_type": "individual",
        "show_publicly": True,
        "consent": True,
        "consent_version": consent_text.version,
    }


def url(declaration):
    return f"/api/v1/declarations/{declaration.slug}/signatures/"


def test_it_shows_the_declaration_with_its_current_consent_text_and_count(api, declaration, consent_text):
    SignatureFactory(declaration=declaration)
    SignatureFactory(declaration=declaration, status=Signature.Status.PENDING, confirmed_at=None)
    body = api.get(f"/api/v1/declarations/{declaration.slug}/").json()
    assert body["signature_count"] == 1
    assert body["consent_text"]["version"] == consent_text.version
    assert "withdrawal_email" not in body["consent_text"]


def test_it_lists_only_confirmed_signatories_who_chose_to_be_listed(api, declaration):
    SignatureFactory(declaration=declaration, name="Javna")
    SignatureFactory(declaration=declaration, name="Skrita", show_publicly=False)
    SignatureFactory(declaration=declaration, name="Čaka", status=Signature.Status.PENDING, confirmed_at=None)
    SignatureFactory(declaration=declaration, name="", email="", status=Signature.Status.WITHDRAWN)
    body = api.get("/api/v1/signatories/").json()
    assert [s["name"] for s in body["results"]] == ["Javna"]
    assert "@" not in str(body)


def test_it_lists_an_unverified_institution_as_an_individual(api, declaration):
    SignatureFactory(declaration=declaration, signatory_type=SignatoryType.COMPANY, organisation_name="Firma d.o.o.")
    row = api.get("/api/v1/signatories/").json()["results"][0]
    assert (row["type"], row["organisation"]) == ("individual", "")


def test_it_filters_signatories_by_type_municipality_and_date(api, declaration):
    ljubljana = MunicipalityFactory(code="SI-061", name="Ljubljana")
    SignatureFactory(
        declaration=declaration,
        name="Občina",
        signatory_type=SignatoryType.MUNICIPALITY,
        organisation_name="Mestna občina Ljubljana",
        municipality=ljubljana,
        institution_verified_at=timezone.now(),
    )
    SignatureFactory(declaration=declaration, name="Oseba", confirmed_at=timezone.now() - timezone.timedelta(days=40))
    by_type = api.get("/api/v1/signatories/", {"type": "municipality"}).json()["results"]
    assert [s["name"] for s in by_type] == ["Občina"]
    assert by_type[0]["municipality"] == {"code": "SI-061", "name": "Ljubljana"}
    by_place = api.get("/api/v1/signatories/", {"municipality": "SI-061"}).json()["results"]
    assert [s["name"] for s in by_place] == ["Občina"]
    since = (timezone.localdate() - timezone.timedelta(days=5)).isoformat()
    assert [s["name"] for s in api.get("/api/v1/signatories/", {"signed_after": since}).json()["results"]] == ["Občina"]


def test_it_searches_signatories_ignoring_diacritics(api, declaration):
    SignatureFactory(declaration=declaration, name="Živa Čeh")
    SignatureFactory(declaration=declaration, name="Marko Novak")
    assert [s["name"] for s in api.get("/api/v1/signatories/", {"search": "ziva ceh"}).json()["results"]] == [
        "Živa Čeh"
    ]


def test_it_exports_signatories_as_csv_without_emails(api, declaration):
    SignatureFactory(declaration=declaration, name="Ana", email="ana@example.org")
    response = api.get("/api/v1/signatories/", {"format": "csv"})
    text = response.content.decode()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["name"] for row in rows] == ["Ana"]
    assert "@" not in text
    assert set(rows[0]) == {"declaration", "name", "organisation", "type", "type_display", "municipality", "date"}


def test_it_signs_with_double_opt_in_and_a_neutral_answer(
    api, declaration, signing, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = api.post(url(declaration), signing, format="json")
    assert first.status_code == 202
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert ConsentEvent.objects.get().channel == ConsentEvent.Channel.API
    assert [m.to for m in mailoutbox] == [["ana.zagar@example.org"]]
    with django_capture_on_commit_callbacks(execute=True):
        again = api.post(url(declaration), {**signing, "email": "ANA.ZAGAR@example.org"}, format="json")
    assert again.status_code == 202
    assert again.json() == first.json()
    assert Signature.objects.count() == 1
    assert api.get("/api/v1/signatories/").json()["count"] == 0, "nothing shows before confirmation"


def test_it_names_the_fields_of_a_bad_signature(api, declaration, signing):
    response = api.post(url(declaration), {**signing, "email": "not-an-address", "consent": False}, format="json")
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"email", "consent"}
    assert not Signature.objects.exists()


def test_it_asks_an_institution_for_its_name_and_the_signers_position(api, declaration, signing):
    response = api.post(url(declaration), {**signing, "signatory_type": "company"}, format="json")
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"organisation_name", "position"}


def test_it_refuses_an_outdated_consent_text(api, declaration, signing):
    response = api.post(url(declaration), {**signing, "consent_version": 99}, format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["consent"]


def test_it_answers_an_unknown_declaration_with_404(api, signing):
    response = api.post("/api/v1/declarations/nobena/signatures/", signing, format="json")
    assert response.status_code == 404


def test_it_throttles_signing_with_429_and_retry_after(api, declaration, signing, api_settings_rates):
    api_settings_rates(signing="2/minute")
    codes = [
        api.post(url(declaration), {**signing, "email": f"a{n}@example.org"}, format="json").status_code
        for n in range(3)
    ]
    assert codes == [202, 202, 429]
    blocked = api.post(url(declaration), {**signing, "email": "z@example.org"}, format="json")
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) >= 1
    assert Signature.objects.count() == 2


def test_it_applies_the_signing_services_own_limit_too(api, declaration, signing, settings):
    settings.SIGNATURE_RATE_LIMIT = 1
    codes = [
        api.post(url(declaration), {**signing, "email": f"b{n}@example.org"}, format="json").status_code
        for n in range(2)
    ]
    assert codes == [202, 429]


def test_it_names_every_missing_field_at_once(api, declaration, signing):
    response = api.post(url(declaration), {**signing, "name": "", "email": "x", "consent": False}, format="json")
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"name", "email", "consent"}


def test_it_names_the_fields_the_service_checks_once_the_basics_are_right(api, declaration, signing):
    response = api.post(
        url(declaration), {**signing, "signatory_type": "municipality", "organisation_name": ""}, format="json"
    )
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"organisation_name", "position", "municipality"}


def test_it_takes_only_json_booleans(api, declaration, signing):
    response = api.post(url(declaration), {**signing, "show_publicly": 1, "consent": "yes"}, format="json")
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"show_publicly", "consent"}
