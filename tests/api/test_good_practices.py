"""Good practices: only the published portfolio, never the contact's e-mail."""

import pytest

from partnership.models import GoodPractice
from tests.factories import MunicipalityFactory, OrganisationFactory
from tests.practices.factories import GoodPracticeFactory

pytestmark = pytest.mark.django_db


def test_it_lists_only_published_practices_without_the_contact_email(api):
    GoodPracticeFactory(title="Objavljena", contact_email="vodja@example.org")
    GoodPracticeFactory(title="V pregledu", status=GoodPractice.Status.SUBMITTED)
    GoodPracticeFactory(title="Zavrnjena", status=GoodPractice.Status.REJECTED)
    response = api.get("/api/v1/good-practices/")
    assert [p["title"] for p in response.json()["results"]] == ["Objavljena"]
    assert "vodja@example.org" not in response.content.decode()


def test_it_hides_an_unpublished_practice(api):
    practice = GoodPracticeFactory(status=GoodPractice.Status.SUBMITTED)
    assert api.get(f"/api/v1/good-practices/{practice.pk}/").status_code == 404


def test_it_filters_by_municipality_of_the_practice_or_its_organisation(api):
    idrija = MunicipalityFactory(code="SI-036", name="Idrija")
    GoodPracticeFactory(title="V Idriji", municipality=idrija)
    GoodPracticeFactory(title="Idrijska firma", organisation=OrganisationFactory(municipality=idrija))
    GoodPracticeFactory(title="Drugje")
    titles = {p["title"] for p in api.get("/api/v1/good-practices/", {"municipality": "SI-036"}).json()["results"]}
    assert titles == {"V Idriji", "Idrijska firma"}
