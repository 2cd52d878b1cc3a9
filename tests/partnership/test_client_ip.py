import pytest
from django.test import RequestFactory, override_settings

from coalition.net import client_ip, rate_limit_exceeded


def _request(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@override_settings(TRUSTED_PROXIES=[])
def test_it_ignores_x_forwarded_for_without_trusted_proxies():
    assert client_ip(_request("198.51.100.1", "203.0.113.5")) == "198.51.100.1"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_it_takes_the_address_the_trusted_proxy_saw_not_the_one_the_client_wrote():
    # The client forged "1.2.3.4"; our proxy appended the real peer 203.0.113.5.
    assert client_ip(_request("10.0.0.2", "1.2.3.4, 203.0.113.5")) == "203.0.113.5"
    assert client_ip(_request("10.0.0.2", "203.0.113.5, 10.0.0.7")) == "203.0.113.5"


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"])
def test_it_does_not_trust_forwarding_from_an_untrusted_peer_or_garbage():
    assert client_ip(_request("198.51.100.1", "203.0.113.5")) == "198.51.100.1"
    assert client_ip(_request("10.0.0.2", "not-an-ip")) == "10.0.0.2"


@pytest.mark.parametrize("limit", [1, 3])
def test_it_counts_requests_against_a_limit(limit):
    results = [rate_limit_exceeded("test", f"key-{limit}", limit=limit, window=60) for _ in range(limit + 2)]
    assert results == [False] * limit + [True, True]


def test_it_counts_exactly_under_concurrent_requests():
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda _: rate_limit_exceeded("test", "parallel", limit=10, window=60), range(40)))
    assert results.count(False) == 10
