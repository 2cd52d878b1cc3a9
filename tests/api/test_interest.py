"""Expressing interest over the API: the public form's rules and service, without echoing personal data."""

import pytest

from partnership.models import ExpressionOfInterest
from tests.api.factories import PartnershipFactory, SubgroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def subgroup():
    return SubgroupFactory(partnership=PartnershipFactory(), slug="pametna-mesta")


def payload(**changes):
    data = {
        "partnership": "digitalni-prehod",
        "name": "Ana Novak",
        "email": "ana.novak@example.org",
        "organisation_name": "Občina Primer",
        "subgroups": ["pametna-mesta"],
        "message": "Radi bi sodelovali.",
        "privacy_consent": True,
    }
    return {**data, **changes}


def test_it_records_interest_and_mails_a_receipt(api, subgroup, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = api.post("/api/v1/interest-expressions/", payload(), format="json")
    assert response.status_code == 202
    assert "ana.novak" not in response.content.decode()
    interest = ExpressionOfInterest.objects.get()
    assert list(interest.subgroups.all()) == [subgroup]
    assert "ana.novak@example.org" in [message.to[0] for message in mailoutbox]


def test_it_requires_consent_to_the_privacy_notice(api, subgroup):
    response = api.post("/api/v1/interest-expressions/", payload(privacy_consent=False), format="json")
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["privacy_consent"]
    assert not ExpressionOfInterest.objects.exists()


def test_it_names_an_unknown_subgroup(api, subgroup):
    response = api.post("/api/v1/interest-expressions/", payload(subgroups=["nobena"]), format="json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "subgroups"


def test_it_names_every_missing_field(api, subgroup):
    response = api.post("/api/v1/interest-expressions/", {}, format="json")
    assert response.status_code == 400
    fields = {e["field"] for e in response.json()["errors"]}
    assert {"partnership", "name", "email", "subgroups", "privacy_consent"} <= fields


def test_it_answers_a_body_that_is_not_json_with_415(api, subgroup):
    response = api.post("/api/v1/interest-expressions/", "name=x", content_type="text/plain")
    assert response.status_code == 415
    assert response.json()["errors"][0]["field"] == "Content-Type"


def test_it_answers_broken_json_with_400_naming_the_body(api, subgroup):
    response = api.post("/api/v1/interest-expressions/", "{broken", content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "body"


def test_it_shares_the_forms_rate_limit(api, subgroup, settings):
    import partnership.api.views as views

    views.INTEREST_RATE_LIMIT = (2, 3600)
    try:
        codes = [
            api.post("/api/v1/interest-expressions/", payload(email=f"a{n}@example.org"), format="json").status_code
            for n in range(3)
        ]
    finally:
        views.INTEREST_RATE_LIMIT = getattr(settings, "PARTNERSHIP_INTEREST_RATE_LIMIT", (5, 3600))
    assert codes == [202, 202, 429]
    assert ExpressionOfInterest.objects.count() == 2
