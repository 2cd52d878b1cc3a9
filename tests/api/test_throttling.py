"""Throttling: 429 with Retry-After, keyed on the address the trusted proxy reports."""

import pytest

pytestmark = pytest.mark.django_db


def test_it_throttles_an_anonymous_client_with_429_and_retry_after(api, api_settings_rates):
    api_settings_rates(anon="3/minute")
    statuses = [api.get("/api/v1/milestones/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = api.get("/api/v1/milestones/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json()["code"] == "throttled"


def test_it_ignores_a_forwarded_for_header_from_an_untrusted_client(api, api_settings_rates, settings):
    settings.TRUSTED_PROXIES = []
    api_settings_rates(anon="2/minute")
    codes = [api.get("/api/v1/milestones/", HTTP_X_FORWARDED_FOR=f"10.0.0.{n}").status_code for n in range(3)]
    assert codes == [200, 200, 429], "a client cannot dodge the limit by inventing addresses"


def test_it_counts_clients_behind_a_trusted_proxy_apart(api, api_settings_rates, settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    api_settings_rates(anon="1/minute")
    first = api.get("/api/v1/milestones/", HTTP_X_FORWARDED_FOR="203.0.113.1")
    second = api.get("/api/v1/milestones/", HTTP_X_FORWARDED_FOR="203.0.113.2")
    again = api.get("/api/v1/milestones/", HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert (first.status_code, second.status_code, again.status_code) == (200, 200, 429)


def test_it_gives_a_signed_in_user_their_own_allowance(api, api_settings_rates, plain_user):
    api_settings_rates(anon="1/minute", user="5/minute")
    api.force_authenticate(plain_user)
    assert [api.get("/api/v1/milestones/").status_code for _ in range(3)] == [200, 200, 200]
