import pytest
from django.urls import reverse
from django.utils import timezone

from benchmarking.models import Answer, Assessment
from tests.benchmarking.factories import full_answers, municipal_staff, seeded_framework, submit
from tests.factories import PASSWORD, MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


@pytest.fixture
def framework():
    return seeded_framework()


@pytest.fixture
def municipality():
    return MunicipalityFactory(name="Razkrižje")


@pytest.fixture
def staff(municipality):
    return municipal_staff(municipality)


def url(municipality, year=YEAR):
    return reverse("benchmarking:assessment", args=[municipality.code, year])


def all_fields(framework, **overrides):
    data = {}
    for indicator in framework.indicators.all():
        data[indicator.field_name] = {"yes_no": "1", "percentage": "40", "maturity_0_4": "2", "number": "3"}[
            indicator.answer_type
        ]
    data.update(overrides)
    return data


def test_it_lets_staff_save_a_draft_and_finish_it_in_a_second_session(client, framework, municipality, staff):
    client.login(username=staff.username, password=PASSWORD)
    response = client.post(url(municipality), {"action": "save", "i_dt_lead": "1", "i_svc_online": "35"})
    assert response.status_code == 302
    client.logout()

    client.login(username=staff.username, password=PASSWORD)
    page = client.get(url(municipality))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'value="35"' in html
    assert 'name="i_dt_lead" id="id_i_dt_lead_0" value="1" checked' in html
    assessment = Assessment.objects.get(municipality=municipality, year=YEAR)
    assert assessment.status == Assessment.Status.DRAFT

    response = client.post(url(municipality), {"action": "submit", **all_fields(framework, i_svc_online="35")})
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.SUBMITTED
    assert assessment.submitted_by == staff
    assert assessment.answers.count() == framework.indicators.count()


def test_it_refuses_a_percentage_of_140_naming_the_field_and_saves_nothing(client, framework, municipality, staff):
    client.force_login(staff)
    response = client.post(url(municipality), {"action": "save", "i_svc_online": "140", "i_dt_lead": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Delež občinskih storitev, dostopnih na spletu" in html
    assert 'href="#id_i_svc_online"' in html
    assert 'aria-invalid="true"' in html
    assert not Assessment.objects.exists()
    assert not Answer.objects.exists()


def test_it_refuses_a_negative_count_in_english_too(client, framework, municipality, staff):
    client.force_login(staff)
    submit(municipality, framework, {"DT-LEAD": 1}, year=YEAR, status=Assessment.Status.DRAFT)
    response = client.post(
        reverse("benchmarking:assessment", args=[municipality.code, YEAR]).replace("/sl/", "/en/"),
        {"action": "save", "i_data_open": "-2", "i_dt_lead": "0"},
    )
    assert response.status_code == 400
    assert "Open data sets published: a count cannot be negative (you entered -2)." in response.content.decode()
    assert Answer.objects.get(indicator__code="DT-LEAD").value == 1


def test_it_asks_for_every_answer_before_submitting(client, framework, municipality, staff):
    client.force_login(staff)
    data = all_fields(framework)
    del data["i_coop_shared"]
    response = client.post(url(municipality), {"action": "submit", **data})
    assert response.status_code == 400
    assert "answer this question before submitting" in response.content.decode()
    assert not Assessment.objects.exists()


def test_it_locks_a_submitted_assessment(client, framework, municipality, staff):
    submit(municipality, framework, full_answers(framework, 0.5), year=YEAR)
    client.force_login(staff)
    response = client.post(url(municipality), {"action": "save", "i_svc_online": "99"})
    assert response.status_code == 409
    assert Answer.objects.get(indicator__code="SVC-ONLINE").value == 50
    assert "disabled" in client.get(url(municipality)).content.decode()


def test_it_lets_the_secretariat_reopen_a_submitted_assessment(
    client, framework, municipality, staff, secretariat_user
):
    assessment = submit(municipality, framework, full_answers(framework, 0.5), year=YEAR)
    client.force_login(secretariat_user)
    response = client.post(reverse("benchmarking:reopen", args=[municipality.code, YEAR]))
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.DRAFT
    assert assessment.reopened_by == secretariat_user

    client.force_login(staff)
    assert client.post(url(municipality), {"action": "save", "i_svc_online": "99"}).status_code == 302
    assert Answer.objects.get(indicator__code="SVC-ONLINE").value == 99


def test_it_does_not_let_municipal_staff_reopen_their_own_submission(client, framework, municipality, staff):
    assessment = submit(municipality, framework, full_answers(framework, 0.5), year=YEAR)
    client.force_login(staff)
    assert client.post(reverse("benchmarking:reopen", args=[municipality.code, YEAR])).status_code == 403
    assessment.refresh_from_db()
    assert assessment.is_submitted


def test_it_refuses_staff_of_another_municipality_and_people_without_a_municipality(client, framework, municipality):
    other = municipal_staff(MunicipalityFactory(name="Tržič"))
    client.force_login(other)
    assert client.get(url(municipality)).status_code == 403
    assert client.post(url(municipality), {"action": "save", "i_dt_lead": "1"}).status_code == 403
    client.force_login(UserFactory())
    assert client.post(url(municipality), {"action": "save", "i_dt_lead": "1"}).status_code == 403
    assert client.get(reverse("benchmarking:mine")).status_code == 403
    assert not Assessment.objects.exists()


def test_it_does_not_let_the_secretariat_fill_in_a_municipality_s_answers(
    client, framework, municipality, secretariat_user
):
    client.force_login(secretariat_user)
    assert client.get(url(municipality)).status_code == 200
    assert client.post(url(municipality), {"action": "save", "i_dt_lead": "1"}).status_code == 403


def test_it_sends_anonymous_visitors_to_sign_in(client, framework, municipality):
    response = client.get(url(municipality))
    assert response.status_code == 302
    assert "/racun/login/" in response["Location"]


def test_it_lists_this_year_for_the_staff_member_to_start(client, framework, municipality, staff):
    client.force_login(staff)
    response = client.get(reverse("benchmarking:mine"))
    assert response.status_code == 200
    assert url(municipality) in response.content.decode()


def test_it_answers_404_for_a_year_out_of_range(client, framework, municipality, staff):
    client.force_login(staff)
    assert client.get(url(municipality, year=1990)).status_code == 404
    assert client.get(url(municipality, year=YEAR + 1)).status_code == 404
