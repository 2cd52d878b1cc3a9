"""The Redis cache, made to keep the portal answering while Redis is down.

Django's own ``RedisCache`` raises on every call when Redis is unreachable, so a page that reads
a cached count or a rate-limit counter would answer 500, and a signing would be lost. This
backend answers from a per-process memory cache instead until Redis is back: cached figures are
recomputed, rate limits count per process (weaker, never off), and a warning is logged at most
once a minute. ``/healthz`` keeps asking Redis itself (its probe key never falls back), so
monitoring still sees the outage.
"""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
HEALTH_PROBE_KEY = "healthz"
WARN_EVERY = 60.0


class FallbackRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._fallback = LocMemCache(f"redis-fallback-{id(self)}", {"TIMEOUT": params.get("TIMEOUT", 300)})
        self._warned_at = 0.0

    def _unavailable(self, operation, exc):
        now = time.monotonic()
        if now - self._warned_at > WARN_EVERY:
            self._warned_at = now
            logger.warning(
                "Redis cache unavailable (%s), answering from process memory: %s", operation, type(exc).__name__
            )


def _falling_back(name):
    redis_method = getattr(RedisCache, name)

    def method(self, *args, **kwargs):
        try:
            return redis_method(self, *args, **kwargs)
        except UNAVAILABLE as exc:
            if args and args[0] == HEALTH_PROBE_KEY:
                raise
            self._unavailable(name, exc)
            return getattr(self._fallback, name)(*args, **kwargs)

    method.__name__ = name
    method.__doc__ = redis_method.__doc__
    return method


for _name in (
    "add",
    "get",
    "set",
    "touch",
    "delete",
    "get_many",
    "has_key",
    "incr",
    "set_many",
    "delete_many",
    "clear",
):
    setattr(FallbackRedisCache, _name, _falling_back(_name))
