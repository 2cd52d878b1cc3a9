"""A signed-in user creates, replaces and revokes their API token; the token acts as them."""

import pytest
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db

URL = "/en/moj-profil/api-zeton/"


def test_it_asks_an_anonymous_visitor_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/racun/login/" in response["Location"]


def test_it_creates_a_token_and_shows_its_key_once(client, plain_user):
    client.force_login(plain_user)
    response = client.post(URL, {"action": "create"})
    token = Token.objects.get(user=plain_user)
    assert token.key in response.content.decode()
    assert token.key not in client.get(URL).content.decode()


def test_it_replaces_a_token_so_the_old_key_stops_working(client, api, plain_user):
    client.force_login(plain_user)
    client.post(URL, {"action": "create"})
    old = Token.objects.get(user=plain_user).key
    client.post(URL, {"action": "create"})
    new = Token.objects.get(user=plain_user).key
    assert old != new
    assert api.get("/api/v1/milestones/", HTTP_AUTHORIZATION=f"Token {old}").status_code == 401
    assert api.get("/api/v1/milestones/", HTTP_AUTHORIZATION=f"Token {new}").status_code == 200


def test_it_revokes_a_token(client, api, plain_user):
    client.force_login(plain_user)
    client.post(URL, {"action": "create"})
    key = Token.objects.get(user=plain_user).key
    response = client.post(URL, {"action": "revoke"})
    assert response.status_code == 302
    assert not Token.objects.filter(user=plain_user).exists()
    rejected = api.get("/api/v1/milestones/", HTTP_AUTHORIZATION=f"Token {key}")
    assert rejected.status_code == 401
    assert rejected.json()["code"] == "authentication_failed"


def test_it_refuses_an_unknown_action(client, plain_user):
    client.force_login(plain_user)
    assert client.post(URL, {"action": "steal"}).status_code == 400


def test_it_links_the_token_page_from_the_profile(client, plain_user):
    client.force_login(plain_user)
    assert URL in client.get("/en/moj-profil/").content.decode()


def test_it_refuses_the_token_of_a_deactivated_user(api, plain_user):
    key = Token.objects.create(user=plain_user).key
    plain_user.is_active = False
    plain_user.save()
    response = api.get("/api/v1/milestones/", HTTP_AUTHORIZATION=f"Token {key}")
    assert response.status_code == 401
