import pytest

from tests.e2e.conftest import serious_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_it_shows_a_visitor_the_home_page_in_slovenian(live_server, page_sl, axe):
    page_sl.goto(live_server.url + "/")
    assert page_sl.url.endswith("/sl/")
    assert page_sl.locator("html").get_attribute("lang") == "sl"
    assert page_sl.get_by_role("heading", level=1).inner_text() == "Slovenska digitalna koalicija"
    assert page_sl.get_by_role("navigation", name="Jezik").is_visible()
    assert serious_violations(axe, page_sl) == []


def test_it_switches_to_english_and_keeps_the_page_accessible(live_server, page_sl, axe):
    page_sl.goto(live_server.url + "/sl/")
    page_sl.get_by_role("link", name="English").click()
    page_sl.wait_for_url("**/en/")
    assert page_sl.get_by_role("heading", level=1).inner_text() == "Slovenian Digital Coalition"
    assert serious_violations(axe, page_sl) == []


def test_it_lets_a_keyboard_user_skip_to_the_content(live_server, page_en):
    page_en.goto(live_server.url + "/en/")
    page_en.keyboard.press("Tab")
    skip = page_en.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page_en.keyboard.press("Enter")
    assert page_en.evaluate("document.activeElement.id") == "main"
