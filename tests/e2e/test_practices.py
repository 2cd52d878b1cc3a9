import pytest
from django.conf import settings
from django.test import Client

from tests.e2e.conftest import serious_violations
from tests.factories import SecretariatUserFactory
from tests.practices.factories import SubgroupFactory, partner_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _sign_in(context, live_server, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context.clear_cookies()
    context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def test_it_takes_a_good_practice_from_submission_to_the_public_portfolio(live_server, page_en, axe):
    SubgroupFactory()
    _sign_in(page_en.context, live_server, partner_user())
    page_en.goto(live_server.url + "/en/partnerstvo/dobre-prakse/nova/")
    page_en.fill("#id_link", "not a link")
    page_en.get_by_role("button", name="Submit for review").click()
    alert = page_en.get_by_role("alert").inner_text()
    assert "Title: this field is required." in alert and "Link: enter a full web address" in alert
    assert serious_violations(axe, page_en) == []

    page_en.fill("#id_title", "Library digital corner")
    page_en.select_option("#id_subgroup", label="eGovernment")
    page_en.fill("#id_summary", "Residents learn to use e-services with volunteers.")
    page_en.fill("#id_problem_solved", "Older residents could not apply online.")
    page_en.fill("#id_contact_name", "Head of the library")
    page_en.fill("#id_contact_email", "library@example.org")
    page_en.fill("#id_link", "https://www.example.org/corner")
    page_en.fill("#id_tags_text", "digital skills, libraries")
    page_en.get_by_role("button", name="Submit for review").click()
    assert page_en.get_by_role("heading", level=1).inner_text() == "Library digital corner"

    _sign_in(page_en.context, live_server, SecretariatUserFactory())
    page_en.goto(live_server.url + "/en/partnerstvo/dobre-prakse/pregled/")
    page_en.get_by_role("link", name="Library digital corner").click()
    assert "library@example.org" in page_en.content()
    page_en.get_by_role("button", name="Publish", exact=True).click()

    page_en.context.clear_cookies()
    page_en.goto(live_server.url + "/en/partnerstvo/dobre-prakse/?tag=libraries")
    assert page_en.get_by_role("link", name="Library digital corner").is_visible()
    assert "library@example.org" not in page_en.content()
    assert serious_violations(axe, page_en) == []


def test_it_shows_an_accessible_portfolio_in_slovenian(live_server, page_sl, axe):
    page_sl.goto(live_server.url + "/sl/partnerstvo/dobre-prakse/")
    assert page_sl.get_by_role("heading", level=1).inner_text() == "Dobre prakse"
    assert serious_violations(axe, page_sl) == []
