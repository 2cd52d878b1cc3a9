import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_it_redirects_the_bare_address_to_slovenian(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/sl/"


@pytest.mark.parametrize(
    "language, expected",
    [("sl", "Slovenska digitalna koalicija"), ("en", "Slovenian Digital Coalition")],
)
def test_it_shows_the_home_page_in_both_languages(client, language, expected):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert expected in html
    assert 'href="#main"' in html
    assert '<main id="main"' in html


def test_it_links_each_page_to_its_other_language(client):
    html = client.get("/sl/dostopnost/").content.decode()
    assert 'href="/en/dostopnost/"' in html


@pytest.mark.parametrize("name", ["coalition:accessibility", "coalition:privacy"])
@pytest.mark.parametrize("language", ["sl", "en"])
def test_it_serves_the_statements(client, name, language):
    with translation.override(language):
        url = reverse(name)
    response = client.get(url)
    assert response.status_code == 200


def test_it_explains_the_privacy_controller_in_slovenian(client):
    html = client.get("/sl/zasebnost/").content.decode()
    assert "GZS" in html
    assert "soglas" in html


def test_it_sends_a_content_security_policy_without_inline_code(client):
    response = client.get("/sl/")
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_it_asks_strangers_to_sign_in_for_the_dashboard(client):
    response = client.get("/sl/moj-profil/")
    assert response.status_code == 302
    assert "/racun/login/" in response["Location"]
