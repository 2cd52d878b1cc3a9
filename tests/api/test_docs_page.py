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
