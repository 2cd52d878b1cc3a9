import re

import pytest
from django.core import mail

from coalition.seeding import SeedReport
from declaration import seed
from declaration.models import Signature
from tests.e2e.conftest import serious_violations

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def seeded():
    seed.load(SeedReport())


def _tab_to(page, selector, limit=80):
    """Move the focus with the Tab key alone until ``selector`` has it."""
    target = page.locator(selector)
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{selector} never received the focus")


def _link(message, kind):
    return re.search(rf"http://testserver(/\w\w/deklaracija/{kind}/\S+/)", message.body).group(1)


def test_it_lets_a_keyboard_user_sign_confirm_and_withdraw(live_server, page_sl, seeded, axe):
    page = page_sl
    page.goto(live_server.url + "/sl/deklaracija/")
    assert serious_violations(axe, page) == []

    page.goto(live_server.url + "/sl/deklaracija/podpis/")
    _tab_to(page, "#id_name")
    page.keyboard.type("Špela Čebašek")
    _tab_to(page, "#id_email")
    page.keyboard.type("spela@example.org")
    _tab_to(page, "#id_consent")
    page.keyboard.press("Space")
    _tab_to(page, "button[type=submit]:has-text('Podpiši')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/podpis/poslano/")
    assert page.get_by_role("heading", level=1).inner_text() == "Preverite svojo e-pošto"
    assert Signature.objects.get().status == "pending"

    page.goto(live_server.url + _link(mail.outbox[0], "potrditev"))
    assert Signature.objects.get().status == "pending"
    page.get_by_role("button", name="Potrdi moj podpis").click()
    page.get_by_role("heading", name="Podpis je potrjen").wait_for()
    assert Signature.objects.get().status == "confirmed"

    page.goto(live_server.url + _link(mail.outbox[1], "moj-podpis"))
    assert "Špela Čebašek" in page.content()
    _tab_to(page, "form[action$='/umik/'] button")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Podpis je umaknjen").wait_for()
    signature = Signature.objects.get()
    assert (signature.status, signature.name, signature.email) == ("withdrawn", "", "")


def test_it_keeps_the_form_with_errors_and_the_list_accessible(live_server, page_en, seeded, axe):
    page = page_en
    page.goto(live_server.url + "/en/deklaracija/podpis/")
    page.get_by_role("button", name="Sign", exact=True).click()
    page.locator("#error-summary").wait_for()
    assert "To sign, you must agree" in page.content()
    assert page.locator("#id_email").get_attribute("aria-invalid") == "true"
    assert serious_violations(axe, page) == []

    page.goto(live_server.url + "/en/deklaracija/podpisniki/")
    assert page.get_by_role("heading", level=1).inner_text() == "Signatories"
    assert serious_violations(axe, page) == []
    page.goto(live_server.url + "/en/deklaracija/statistika/")
    assert serious_violations(axe, page) == []
