"""The Swagger UI page works in a real browser under our Content Security Policy, from local files only."""

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture
def page_en(browser):
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    yield page
    context.close()


def test_it_renders_the_api_docs_without_csp_violations_or_outside_requests(live_server, page_en):
    violations, outside = [], []
    page_en.on(
        "console",
        lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None,
    )
    page_en.on(
        "request",
        lambda request: outside.append(request.url) if not request.url.startswith(live_server.url) else None,
    )
    page_en.goto(live_server.url + "/api/docs/")
    page_en.wait_for_selector(".opblock", timeout=15000)
    page_en.wait_for_load_state("networkidle")
    assert page_en.locator(".opblock").count() > 10
    assert page_en.get_by_text("/api/v1/organisations/", exact=True).first.is_visible()
    reported = page_en.evaluate("window.__cspViolations || []")
    assert violations == [] and reported == []
    assert outside == []


def test_it_lets_a_reader_try_an_endpoint_from_the_docs(live_server, page_en):
    page_en.goto(live_server.url + "/api/docs/")
    page_en.wait_for_selector(".opblock", timeout=15000)
    page_en.locator("#operations-milestones-milestones_list .opblock-summary").click()
    page_en.get_by_role("button", name="Try it out").click()
    page_en.get_by_role("button", name="Execute").click()
    page_en.wait_for_selector("#operations-milestones-milestones_list .live-responses-table tbody .response-col_status")
    status = page_en.locator("#operations-milestones-milestones_list .live-responses-table tbody .response-col_status")
    assert "200" in status.first.inner_text()


def test_it_lets_a_signed_in_user_create_a_token_on_an_accessible_page(live_server, browser):
    from axe_playwright_python.sync_playwright import Axe
    from django.test import Client
    from rest_framework.authtoken.models import Token

    from tests.e2e.conftest import serious_violations
    from tests.factories import UserFactory

    user = UserFactory()
    client = Client()
    client.force_login(user)
    context = browser.new_context(locale="en-GB")
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + "/en/moj-profil/")
    page.get_by_role("link", name="API token").click()
    page.get_by_role("button", name="Create a token").click()
    assert page.locator("#token-key").inner_text() == Token.objects.get(user=user).key
    assert serious_violations(Axe(), page) == []
    page.get_by_role("button", name="Revoke the token").click()
    assert page.get_by_text("You have no API token.").is_visible()
    assert not Token.objects.filter(user=user).exists()
    context.close()
