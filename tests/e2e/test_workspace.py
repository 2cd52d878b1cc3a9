"""The secretariat imports a broken CSV in the browser: preview with row and column errors, confirm, people created."""

import pytest
from django.conf import settings
from django.test import Client

from coalition.models import Municipality, Person
from tests.e2e.conftest import serious_violations
from tests.factories import SecretariatUserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

CSV_1250 = (
    "Ime in priimek;E-pošta;Organizacija;Občina\r\n"
    "Žiga Čebašek;ziga@primer.si;Društvo Šmarje;Tržič\r\n"
    "Špela Žagar;spela@primer.si;Občina Tržič;Tržič\r\n"
    "Brez Pošte;;;Tržič\r\n"
    "Neznana Občina;neznana@primer.si;;Atlantida\r\n"
).encode("cp1250")


def signed_in_page(live_server, page):
    """Share a session made by Django's test client with the browser (no password form to fill)."""
    client = Client()
    client.force_login(SecretariatUserFactory())
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])
    return page


def test_it_previews_a_broken_csv_then_imports_the_good_rows(live_server, page_sl, axe, tmp_path):
    Municipality.objects.create(code="SI-131", name="Tržič")
    page = signed_in_page(live_server, page_sl)
    upload = tmp_path / "kontakti.csv"
    upload.write_bytes(CSV_1250)

    page.goto(live_server.url + "/sl/sekretariat/uvoz/")
    page.get_by_label("Preglednica").set_input_files(str(upload))
    page.get_by_role("button", name="Preveri datoteko").click()

    page.wait_for_url("**/sekretariat/uvoz/*/")
    table = page.get_by_role("table")
    assert "Stolpec B (E-pošta): Manjka e-naslov." in table.inner_text()
    assert "Stolpec D (Občina): Neznana občina »Atlantida«" in table.inner_text()
    assert Person.objects.count() == 0
    assert serious_violations(axe, page) == []

    page.get_by_role("button", name="Uvozi 2 dobri vrstici").click()
    page.wait_for_load_state()
    assert "uvoženo" in page.locator("main").inner_text()
    assert sorted(Person.objects.values_list("name", flat=True)) == ["Špela Žagar", "Žiga Čebašek"]

    page.get_by_role("link", name="Na seznam oseb").click()
    page.get_by_label("Iskanje").fill("Cebasek")
    page.get_by_role("button", name="Prikaži rezultate").click()
    rows = page.get_by_role("table").locator("tbody tr")
    assert rows.count() == 1
    assert "Žiga Čebašek" in rows.first.inner_text()
    assert "Društvo Šmarje" in rows.first.inner_text()
    assert serious_violations(axe, page) == []


def test_it_refuses_the_workspace_to_a_visitor_in_the_browser(live_server, page_sl):
    response = page_sl.goto(live_server.url + "/sl/sekretariat/osebe/")
    assert "/racun/login/" in page_sl.url
    assert response.ok
