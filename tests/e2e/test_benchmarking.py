import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.benchmarking.factories import (
    UrbanMunicipalityFactory,
    full_answers,
    municipal_staff,
    seeded_framework,
    submit,
)
from tests.e2e.conftest import serious_violations
from tests.factories import MunicipalityFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def data():
    framework = seeded_framework()
    urban = UrbanMunicipalityFactory(name="Mestna občina Testno")
    small = MunicipalityFactory(name="Razkrižje")
    for n, level in enumerate([0.1, 0.4, 0.7]):
        submit(MunicipalityFactory(name=f"Občina {n}"), framework, full_answers(framework, level), year=2025)
    submit(urban, framework, full_answers(framework, 0.5), year=2024)
    submit(urban, framework, full_answers(framework, 0.8), year=2025)
    return {"urban": urban, "small": small, "staff": municipal_staff(small)}


def _sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


@pytest.mark.parametrize("lang", ["sl", "en"])
def test_it_shows_an_accessible_comparison_with_charts_and_tables(live_server, browser, axe, data, lang):
    context = browser.new_context(locale="sl-SI" if lang == "sl" else "en-GB")
    page = context.new_page()
    page.goto(f"{live_server.url}/{lang}/primerjava/obcine/{data['urban'].code}/")
    assert page.locator("svg[role=img]").count() == 2
    page.locator("details summary").first.click()
    assert page.locator("details table").first.is_visible()
    assert serious_violations(axe, page) == []
    page.goto(f"{live_server.url}/{lang}/primerjava/obcine/{data['small'].code}/")
    assert page.get_by_role("heading", name="Ni odgovora" if lang == "sl" else "No answer").is_visible()
    assert serious_violations(axe, page) == []
    page.goto(f"{live_server.url}/{lang}/primerjava/")
    assert serious_violations(axe, page) == []
    context.close()


@pytest.mark.parametrize("lang", ["sl", "en"])
def test_it_names_the_wrong_field_in_an_accessible_assessment_form(live_server, browser, axe, data, lang):
    context = browser.new_context(locale="sl-SI" if lang == "sl" else "en-GB")
    page = context.new_page()
    _sign_in(page, live_server, data["staff"])
    year = timezone.localdate().year
    page.goto(f"{live_server.url}/{lang}/primerjava/samoocena/{data['small'].code}/{year}/")
    page.fill("#id_i_svc_online", "140")
    page.fill("#id_i_data_open", "-3")
    page.locator("button[value=save]").click()
    summary = page.get_by_role("alert")
    text = summary.inner_text()
    assert "140" in text and "-3" in text
    assert ("Delež občinskih storitev" if lang == "sl" else "Share of municipal services") in text
    assert page.locator("#id_i_svc_online").get_attribute("aria-invalid") == "true"
    assert serious_violations(axe, page) == []

    page.fill("#id_i_svc_online", "40")
    page.fill("#id_i_data_open", "3")
    page.locator("button[value=save]").click()
    assert page.locator("#id_i_svc_online").input_value() == "40"
    assert serious_violations(axe, page) == []
    context.close()
