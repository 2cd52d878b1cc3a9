"""How every list behaves: pages, filters, search, ordering, ISO dates, CSV, and the error shape."""

import csv
import io

import pytest

from coalition.models import Organisation
from tests.api.factories import MeetingFactory, MembershipFactory, MilestoneFactory, SubgroupFactory
from tests.factories import MunicipalityFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


def test_it_pages_a_list_with_count_next_and_previous(api):
    OrganisationFactory.create_batch(5)
    first = api.get("/api/v1/organisations/", {"page_size": 2}).json()
    assert first["count"] == 5
    assert first["previous"] is None
    assert len(first["results"]) == 2
    second = api.get(first["next"]).json()
    assert second["previous"] is not None
    last = api.get(second["next"]).json()
    assert last["next"] is None
    slugs = [o["slug"] for page in (first, second, last) for o in page["results"]]
    assert len(set(slugs)) == 5


def test_it_answers_a_page_beyond_the_end_with_a_404_naming_the_page(api):
    response = api.get("/api/v1/organisations/", {"page": 99})
    assert response.status_code == 404
    assert response.json()["errors"][0]["field"] == "page"


def test_it_filters_organisations_by_kind_and_municipality(api):
    ljubljana = MunicipalityFactory(code="SI-061", name="Ljubljana")
    OrganisationFactory(slug="mol", kind=Organisation.Kind.URBAN_MUNICIPALITY, municipality=ljubljana)
    OrganisationFactory(slug="firma", kind=Organisation.Kind.COMPANY, municipality=ljubljana)
    OrganisationFactory(slug="drugje", kind=Organisation.Kind.COMPANY)
    by_kind = api.get("/api/v1/organisations/", {"kind": "company"}).json()
    assert {o["slug"] for o in by_kind["results"]} == {"firma", "drugje"}
    both = api.get("/api/v1/organisations/", {"kind": "company", "municipality": "SI-061"}).json()
    assert [o["slug"] for o in both["results"]] == ["firma"]


def test_it_searches_and_orders(api):
    OrganisationFactory(slug="b", name="Beta inštitut")
    OrganisationFactory(slug="a", name="Alfa inštitut")
    OrganisationFactory(slug="c", name="Gama d.o.o.")
    found = api.get("/api/v1/organisations/", {"search": "inštitut", "ordering": "-name"}).json()
    assert [o["slug"] for o in found["results"]] == ["b", "a"]


def test_it_filters_meetings_by_subgroup_and_date_and_gives_iso_dates(api):
    subgroup = SubgroupFactory(slug="pametna-mesta")
    MeetingFactory(slug="early", subgroup=subgroup, starts_on="2025-01-10")
    MeetingFactory(slug="late", subgroup=subgroup, starts_on="2025-06-10")
    MeetingFactory(slug="other", starts_on="2025-06-11")
    body = api.get("/api/v1/meetings/", {"subgroup": "pametna-mesta", "starts_after": "2025-03-01"}).json()
    assert [m["slug"] for m in body["results"]] == ["late"]
    assert body["results"][0]["starts_on"] == "2025-06-10"


def test_it_rejects_a_malformed_date_filter_naming_the_parameter(api):
    response = api.get("/api/v1/meetings/", {"starts_after": "next tuesday"})
    assert response.status_code == 400
    body = response.json()
    assert body["status"] == 400
    assert [error["field"] for error in body["errors"]] == ["starts_after"]


def test_it_rejects_an_unknown_choice_naming_the_parameter(api):
    response = api.get("/api/v1/milestones/", {"kind": "banana"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "kind"


def test_it_lists_a_subgroups_member_organisations_with_their_best_role(api):
    subgroup = SubgroupFactory()
    lead = MembershipFactory(subgroup=subgroup, role="lead")
    MembershipFactory(subgroup=subgroup, role="member", person__organisation=lead.person.organisation)
    MembershipFactory(subgroup=subgroup, role="ad_hoc")
    body = api.get(f"/api/v1/subgroups/{subgroup.slug}/").json()
    roles = [(m["slug"], m["role"]) for m in body["member_organisations"]]
    assert roles[0] == (lead.person.organisation.slug, "lead")
    assert len(roles) == 2


def test_it_exports_organisations_as_csv_with_format_parameter(api):
    OrganisationFactory.create_batch(60, kind=Organisation.Kind.NGO)
    response = api.get("/api/v1/organisations/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 60, "CSV holds every matching row, not one page"
    assert rows[0]["kind"] == "ngo"


def test_it_exports_municipalities_as_csv_by_accept_header(api):
    MunicipalityFactory(code="SI-061", name="Ljubljana")
    response = api.get("/api/v1/municipalities/", HTTP_ACCEPT="text/csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(r["code"], r["name"], r["kind"], r["sos_member"]) for r in rows] == [
        ("SI-061", "Ljubljana", "municipality", "false")
    ]


def test_it_defuses_spreadsheet_formulas_in_csv(api):
    OrganisationFactory(name='=HYPERLINK("http://evil")')
    text = api.get("/api/v1/organisations/", {"format": "csv"}).content.decode()
    assert "'=HYPERLINK" in text


def test_it_answers_an_unknown_address_with_a_json_404(api):
    response = api.get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_it_answers_a_missing_object_with_a_json_404(api):
    response = api.get("/api/v1/organisations/nobody/")
    assert response.status_code == 404
    assert response.json() == {
        "status": 404,
        "code": "not_found",
        "detail": response.json()["detail"],
        "errors": [],
    }


def test_it_answers_a_wrong_method_with_a_405_naming_the_method(api, plain_user):
    api.force_authenticate(plain_user)
    response = api.delete("/api/v1/milestones/")
    assert response.status_code == 405
    assert response.json()["errors"][0]["field"] == "method"


def test_it_answers_an_unsupported_accept_header_with_json_406(api):
    MilestoneFactory()
    response = api.get("/api/v1/milestones/", HTTP_ACCEPT="application/xml")
    assert response.status_code == 406
    assert response.json()["errors"][0]["field"] == "Accept"


def test_it_errors_in_json_even_when_csv_was_asked_for(api):
    response = api.get("/api/v1/organisations/", {"format": "csv", "page": 3})
    # CSV is unpaginated, so a page number is no error; a bad filter is.
    assert response.status_code == 200
    response = api.get("/api/v1/organisations/", {"format": "csv", "kind": "banana"})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["errors"][0]["field"] == "kind"


def test_it_rejects_a_boolean_filter_that_is_neither_true_nor_false(api):
    OrganisationFactory(sos_member=True)
    assert api.get("/api/v1/organisations/", {"sos_member": "true"}).json()["count"] == 1
    assert api.get("/api/v1/organisations/", {"sos_member": "0"}).json()["count"] == 0
    response = api.get("/api/v1/organisations/", {"sos_member": "perhaps"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "sos_member"


def test_it_lists_every_resource_at_the_api_root(api):
    body = api.get("/api/v1/").json()
    assert {"organisations", "action-plans", "signatories", "good-practices"} <= set(body["resources"])
    assert body["resources"]["organisations"].endswith("/api/v1/organisations/")
    assert body["schema"].endswith("/api/schema/")


def test_it_names_the_columns_of_an_empty_csv_export(api):
    text = api.get("/api/v1/signatories/", {"format": "csv"}).content.decode()
    assert text.splitlines() == ["declaration,name,organisation,type,type_display,municipality,date"]


def test_it_rejects_a_page_size_that_is_not_a_whole_number_in_range(api):
    OrganisationFactory()
    assert api.get("/api/v1/organisations/", {"page_size": 200}).status_code == 200
    for bad in ("null", "0", "201", "2.5"):
        response = api.get("/api/v1/organisations/", {"page_size": bad})
        assert response.status_code == 400, bad
        assert response.json()["errors"][0]["field"] == "page_size"


def test_it_rejects_an_empty_date_or_choice_parameter_but_not_an_empty_search(api):
    response = api.get("/api/v1/meetings/", {"starts_after": "", "kind": ""})
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["starts_after"]
    assert api.get("/api/v1/meetings/", {"subgroup": "", "search": ""}).status_code == 200


def test_it_answers_an_undeclared_method_with_405_even_when_csv_is_asked_for(api):
    response = api.generic("TRACE", "/api/v1/organisations/?format=csv")
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"


def test_it_finds_a_municipality_without_its_diacritics(api):
    MunicipalityFactory(code="SI-131", name="Tržič")
    MunicipalityFactory(code="SI-186", name="Trzin")
    found = api.get("/api/v1/municipalities/", {"search": "trzic"}).json()
    assert [m["name"] for m in found["results"]] == ["Tržič"]
    assert api.get("/api/v1/municipalities/", {"search": "TRŽ 131"}).json()["count"] == 1
