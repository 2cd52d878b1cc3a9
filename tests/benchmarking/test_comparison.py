import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse

from benchmarking import results
from benchmarking.models import Assessment
from coalition.models import Municipality
from tests.benchmarking.factories import UrbanMunicipalityFactory, full_answers, seeded_framework, submit
from tests.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework():
    return seeded_framework()


@pytest.fixture
def towns(framework):
    """Three small municipalities and two urban ones with known answers; one small one never answers."""
    small = [MunicipalityFactory(name=f"Mala {n}") for n in range(3)]
    urban = [UrbanMunicipalityFactory(name=f"Mestna {n}") for n in range(2)]
    silent = MunicipalityFactory(name="Tiha")
    for municipality, share in zip(small + urban, [10, 20, 30, 80, 90], strict=True):
        submit(municipality, framework, {"SVC-ONLINE": share, "DT-LEAD": 1 if share >= 30 else 0}, year=2025)
    submit(silent, framework, {"SVC-ONLINE": 100}, year=2025, status=Assessment.Status.DRAFT)
    return {"small": small, "urban": urban, "silent": silent}


def test_it_computes_the_national_median_from_submitted_answers_only(framework, towns):
    data = results.load_year(framework=framework, year=2025)
    online = framework.indicators.get(code="SVC-ONLINE")
    assert data.median_value(online) == Decimal(30)  # 10, 20, 30, 80, 90; the draft's 100 does not count
    assert data.median_score(online) == 30


def test_it_compares_a_municipality_with_peers_of_the_same_kind(framework, towns):
    data = results.load_year(framework=framework, year=2025)
    online = framework.indicators.get(code="SVC-ONLINE")
    assert data.median_value(online, kind=Municipality.Kind.URBAN) == Decimal(85)
    assert data.median_value(online, kind=Municipality.Kind.MUNICIPALITY) == Decimal(20)


def test_it_keeps_municipalities_without_an_answer_apart_never_as_zero(framework, towns):
    data = results.load_year(framework=framework, year=2025)
    assert not data.has_answered(towns["silent"])
    assert data.overall_score(towns["silent"].pk) is None
    assert data.no_answer_count == Municipality.objects.count() - 5
    assert sum(count for _low, _high, count in data.distribution()) == 5
    league = dict(data.league())
    assert league[towns["silent"]] is None


def test_it_ranks_indicators_by_how_many_municipalities_reached_them(framework, towns):
    data = results.load_year(framework=framework, year=2025)
    ranking = data.ranking()
    counts = dict((indicator.code, reached) for indicator, reached in ranking)
    assert counts["DT-LEAD"] == 3
    assert counts["SVC-ONLINE"] == 2  # target 50 %: 80 and 90
    assert ranking[0][0].code == "DT-LEAD"


def test_it_measures_the_gap_between_pioneers_and_beginners(framework, towns):
    gap = results.load_year(framework=framework, year=2025).gap()
    assert gap["pioneers"] > gap["beginners"]


def test_it_shows_a_municipality_that_has_not_answered_as_no_answer(client, framework, towns):
    response = client.get(reverse("benchmarking:municipality", args=[towns["silent"].code]).replace("/sl/", "/en/"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "has not submitted a self-assessment for 2025" in html
    assert "no answer" in html
    assert "<svg" in html and "<details>" in html


def test_it_draws_an_urban_municipality_against_the_medians_with_a_text_alternative(client, framework, towns):
    urban = towns["urban"][0]
    submit(urban, framework, full_answers(framework, 0.2), year=2024)
    response = client.get(f"/en/primerjava/obcine/{urban.code}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="img"' in html and '<title id="profile-t">' in html
    assert "median of urban municipalities" in html.lower()
    assert "<summary>Show the numbers as a table</summary>" in html
    assert "Progress year over year" in html
    assert "80 %" in html  # its own answer in the table


def test_it_pins_the_query_count_of_the_municipality_page(client, framework, towns, django_assert_num_queries):
    url = f"/sl/primerjava/obcine/{towns['urban'][0].code}/"
    client.get(url)
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200
    for n in range(10):
        submit(MunicipalityFactory(name=f"Dodatna {n}"), framework, full_answers(framework, n / 10), year=2024)
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200


def test_it_pins_the_query_count_of_the_overview(client, framework, towns, django_assert_num_queries):
    client.get("/sl/primerjava/")  # warm the session/caches
    with django_assert_num_queries(7):
        response = client.get("/sl/primerjava/")
    assert response.status_code == 200
    for n in range(10):
        submit(MunicipalityFactory(name=f"Dodatna {n}"), framework, full_answers(framework, n / 10), year=2025)
    with django_assert_num_queries(7):
        client.get("/sl/primerjava/")


def test_it_shows_the_overview_with_ranking_and_distribution(client, framework, towns):
    html = client.get("/en/primerjava/").content.decode()
    assert "Which indicators municipalities have reached" in html
    assert "Pioneers and beginners" in html
    assert html.count('role="img"') == 2
    assert "have not answered" in html


def test_it_shows_an_empty_overview_before_anyone_has_answered(client, framework):
    response = client.get("/en/primerjava/")
    assert response.status_code == 200
    assert "No results yet" in response.content.decode()


def test_it_exports_csv_with_no_answer_as_empty_not_zero(client, framework, towns):
    response = client.get("/sl/primerjava/rezultati.csv?year=2025")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    silent = [r for r in rows if r["municipality_code"] == towns["silent"].code]
    assert silent and all(r["status"] == "no answer" and r["value"] == "" for r in silent)
    answered = [
        r for r in rows if r["municipality_code"] == towns["urban"][1].code and r["indicator_code"] == "SVC-ONLINE"
    ]
    assert answered[0]["value"] == "90" and answered[0]["reached"] == "yes"
    assert len(rows) == Municipality.objects.count() * framework.indicators.count()


def test_it_serves_only_submitted_results_through_the_api(client, framework, towns):
    response = client.get("/api/v1/benchmark/results/?year=2025")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 5
    codes = {row["municipality"] for row in body["results"]}
    assert towns["silent"].code not in codes
    row = body["results"][0]
    assert set(row) == {
        "id",
        "municipality",
        "municipality_name",
        "municipality_kind",
        "year",
        "framework",
        "submitted_at",
        "overall_score",
        "answers",
    }
    assert set(row["answers"][0]) == {"indicator", "value", "score", "reached"}


def test_it_filters_api_results_by_kind_and_serves_the_framework(client, framework, towns):
    assert client.get("/api/v1/benchmark/results/?kind=urban").json()["count"] == 2
    framework_body = client.get("/api/v1/benchmark/frameworks/1/").json()
    assert len(framework_body["indicators"]) == framework.indicators.count()


def test_it_refuses_writes_through_the_api(client, framework, towns, secretariat_user):
    client.force_login(secretariat_user)
    assert client.post("/api/v1/benchmark/results/", {}, content_type="application/json").status_code == 405


def test_it_pins_the_api_query_count(client, framework, towns, django_assert_num_queries):
    with django_assert_num_queries(3):  # count, page, answers with their indicators
        client.get("/api/v1/benchmark/results/")
    for n in range(5):
        submit(MunicipalityFactory(name=f"Dodatna {n}"), framework, full_answers(framework, n / 5), year=2025)
    with django_assert_num_queries(3):
        assert client.get("/api/v1/benchmark/results/").json()["count"] == 10


def test_it_links_the_secretariat_to_a_municipality_s_assessment_from_its_page(
    client, framework, towns, secretariat_user
):
    urban = towns["urban"][0]
    client.force_login(secretariat_user)
    html = client.get(f"/en/primerjava/obcine/{urban.code}/").content.decode()
    assert f"/en/primerjava/samoocena/{urban.code}/2025/" in html
    client.logout()
    assert "/samoocena/" not in client.get(f"/en/primerjava/obcine/{urban.code}/").content.decode()
