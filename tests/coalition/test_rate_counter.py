"""The counter behind every rate limit (``coalition.net.count_hit``): atomic, always expiring, never off."""

import pytest
from django.conf import settings
from django.core.cache import cache

from coalition.cache import FallbackRedisCache
from coalition.net import count_hit

on_redis = pytest.mark.skipif(not settings.REDIS_URL, reason="needs Redis (set REDIS_URL)")


def test_it_counts_each_hit_once():
    assert [count_hit("test:counter", window=60) for _ in range(3)] == [1, 2, 3]
    assert cache.get("test:counter") == 3


@on_redis
def test_it_gives_a_new_counter_its_window_as_expiry_so_no_client_stays_locked_out():
    count_hit("test:expiring", window=90)
    count_hit("test:expiring", window=90)
    key = cache.make_and_validate_key("test:expiring")
    assert 0 < cache._cache.get_client(key).ttl(key) <= 90


def test_it_keeps_counting_in_process_memory_while_redis_is_down():
    unreachable = FallbackRedisCache(
        "redis://127.0.0.1:1/0", {"OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2}}
    )
    assert [unreachable.count_hit("test:down", 60) for _ in range(3)] == [1, 2, 3]
