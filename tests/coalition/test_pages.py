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


@pytest.mark.parametrize(
    "name, query",
    [
        ("coalition:home", ""),
        ("coalition:accessibility", ""),
        ("declaration:signatories", "?q=%C5%BEagar&type=company&page=2"),
        ("coalition:privacy", ""),
    ],
)
@pytest.mark.parametrize("language", ["sl", "en"])
def test_the_language_switcher_gives_each_page_in_the_other_language_as_translate_url_does(
    client, name, query, language
):
    from django.urls import translate_url

    from tests.declaration.factories import ConsentTextFactory, DeclarationFactory

    ConsentTextFactory(declaration=DeclarationFactory())
    with translation.override(language):
        address = reverse(name) + query
    html = client.get(address).content.decode()
    for code in ("sl", "en"):
        expected = translate_url(address, code).replace("&", "&amp;")
        assert f'<link rel="alternate" hreflang="{code}" href="{expected}">' in html
    assert f'hreflang="{language}" href="{address.replace("&", "&amp;")}"' in html


def test_the_layout_pieces_kept_in_memory_follow_the_page_the_language_and_the_role(client, secretariat_user):
    from tests.declaration.factories import ConsentTextFactory, DeclarationFactory

    ConsentTextFactory(declaration=DeclarationFactory())

    def nav(address):
        html = client.get(address).content.decode()
        return html[html.index('<nav class="main-nav"') : html.index("</nav>", html.index('<nav class="main-nav"'))]

    declaration_sl, privacy_sl = reverse_in("sl", "declaration:detail"), reverse_in("sl", "coalition:privacy")
    assert 'aria-current="page">Deklaracija' in nav(declaration_sl)
    assert 'aria-current="page">Deklaracija' not in nav(privacy_sl)
    english = nav(reverse_in("en", "declaration:detail"))
    assert 'aria-current="page">Declaration' in english and "Deklaracija" not in english
    anonymous = nav(privacy_sl)
    client.force_login(secretariat_user)
    secretariat = nav(privacy_sl)
    assert secretariat != anonymous
    assert reverse_in("sl", "workspace:index") in secretariat and reverse_in("sl", "workspace:index") not in anonymous


def reverse_in(language, name):
    with translation.override(language):
        return reverse(name)
