import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core import mail

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_it_signs_up_with_an_email_and_asks_to_verify_it_before_signing_in(client):
    response = client.post(
        "/sl/racun/signup/",
        {"email": "Nova.Uporabnica@Example.org", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email__iexact="nova.uporabnica@example.org")
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert "/racun/confirm-email/" in mail.outbox[0].body

    # Not verified yet: signing in leads to the verification notice, not into the portal.
    client.logout()
    response = client.post("/sl/racun/login/", {"login": "nova.uporabnica@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session

    path = re.search(r"/sl/racun/confirm-email/[^/\s]+/", mail.outbox[-1].body).group(0)
    assert client.get(path).status_code == 200  # a GET only shows the confirmation button
    assert not EmailAddress.objects.get(user=user).verified
    client.post(path)
    assert EmailAddress.objects.get(user=user).verified


def test_it_signs_in_with_the_email_in_any_case(client):
    UserFactory(email="ana@example.org")
    response = client.post("/sl/racun/login/", {"login": "ANA@example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_it_refuses_further_logins_after_repeated_failures(client):
    UserFactory(email="ana@example.org")
    for _ in range(5):
        client.post("/sl/racun/login/", {"login": "ana@example.org", "password": "wrong password"})
    response = client.post("/sl/racun/login/", {"login": "ana@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


def test_it_mails_a_password_reset_link(client):
    UserFactory(email="ana@example.org")
    response = client.post("/sl/racun/password/reset/", {"email": "ana@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/racun/password/reset/key/" in mail.outbox[0].body


def test_it_shows_the_login_page_in_our_layout_in_english(client):
    html = client.get("/en/racun/login/").content.decode()
    assert 'class="skip-link"' in html
    assert "Sign In" in html or "Sign in" in html
