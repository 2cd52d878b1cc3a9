"""Password guessing is refused: allauth's limits on the portal login, django-axes on the admin login.

Both would silently stop counting on a cache that stores nothing (``DummyCache``), so the tests
also pin the cache production uses and prove a sixth failure is refused with the cache the
suite runs on.
"""

import pytest
from django.conf import settings
from django.core.cache import cache

from tests.factories import PASSWORD, SecretariatUserFactory, UserFactory
from tests.security.production import production_settings

pytestmark = pytest.mark.django_db

WRONG = "not the password at all"


def test_it_never_configures_a_cache_that_would_turn_rate_limits_off():
    for redis_url in ("", "redis://127.0.0.1:6379/0"):
        backend = production_settings(REDIS_URL=redis_url)["CACHES"]["default"]["BACKEND"]
        assert "Dummy" not in backend, (redis_url, backend)
    assert "Dummy" not in settings.CACHES["default"]["BACKEND"]
    cache.set("rate-limit-probe", 1, 30)
    assert cache.incr("rate-limit-probe") == 2  # the counter really counts


def test_it_refuses_the_portal_login_after_five_failures_even_with_the_right_password(client):
    user = UserFactory()
    for _ in range(5):
        response = client.post("/sl/racun/login/", {"login": user.email, "password": WRONG})
        assert "_auth_user_id" not in client.session
    response = client.post("/sl/racun/login/", {"login": user.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 429)


def test_it_still_lets_the_right_password_in_after_a_few_failures(client):
    user = UserFactory()
    for _ in range(3):
        client.post("/sl/racun/login/", {"login": user.email, "password": WRONG})
    client.post("/sl/racun/login/", {"login": user.email, "password": PASSWORD})
    assert client.session.get("_auth_user_id") == str(user.pk)


def _admin_login(client, username, password, address="203.0.113.7"):
    return client.post(
        "/sl/admin/login/?next=/sl/admin/",
        {"username": username, "password": password, "next": "/sl/admin/"},
        REMOTE_ADDR=address,
    )


def test_it_locks_the_admin_login_after_five_failures_even_with_the_right_password(client):
    staff = SecretariatUserFactory()
    for attempt in range(5):
        response = _admin_login(client, staff.username, WRONG)
        # The form again with its error; the fifth failure already answers with the lockout.
        assert response.status_code == (200 if attempt < 4 else 429)
    response = _admin_login(client, staff.username, PASSWORD)
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_it_locks_out_the_guessing_address_not_a_colleague_on_another_address(client):
    staff = SecretariatUserFactory()
    other = SecretariatUserFactory()
    for _ in range(5):
        _admin_login(client, staff.username, WRONG, address="203.0.113.7")
    response = _admin_login(client, other.username, PASSWORD, address="198.51.100.4")
    assert response.status_code == 302
    assert client.session.get("_auth_user_id") == str(other.pk)


def test_it_does_not_believe_a_forged_forwarded_for_header_when_counting(client, settings):
    settings.TRUSTED_PROXIES = []
    staff = SecretariatUserFactory()
    for attempt in range(5):
        client.post(
            "/sl/admin/login/",
            {"username": staff.username, "password": WRONG},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}",
        )
    response = client.post(
        "/sl/admin/login/",
        {"username": staff.username, "password": PASSWORD},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="192.0.2.200",
    )
    assert response.status_code in (403, 429)
