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
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, ConnectionError, TimeoutError)
HEALTH_PROBE_KEY = "healthz"
WARN_EVERY = 60.0


class ReusingRedisCacheClient(RedisCacheClient):
    """Django's client builds a new ``redis.Redis`` (and its table of response callbacks) for every
    cache call, a good part of a fast request's time; one per connection pool serves every thread
    (redis-py takes a connection from the pool for each command)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FallbackRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        self._fallback = LocMemCache(f"redis-fallback-{id(self)}", {"TIMEOUT": params.get("TIMEOUT", 300)})
        self._warned_at = 0.0

    def count_hit(self, key, window):
        """Count one more hit on ``key`` and return the count; the counter lives ``window`` seconds.

        One round trip: ``SET key 0 EX window NX`` and ``INCR key`` in one ``MULTI``, so the counter
        is created with its expiry and incremented atomically (no counter without an expiry, no two
        requests reading the same count). ``coalition.net.count_hit`` is what callers use.
        """
        redis_key = self.make_and_validate_key(key)
        try:
            with self._cache.get_client(redis_key, write=True).pipeline(transaction=True) as pipe:
                pipe.set(redis_key, 0, ex=window, nx=True)
                pipe.incr(redis_key)
                return pipe.execute()[1]
        except UNAVAILABLE as exc:
            self._unavailable("count_hit", exc)
            return count_with_add_and_incr(self._fallback, key, window)

    def publish(self, channel, message="1"):
        """Publish ``message`` on ``channel`` (prefixed like every key); nothing happens while Redis is down."""
        try:
            self._cache.get_client(write=True).publish(self.make_key(channel), message)
        except UNAVAILABLE as exc:
            self._unavailable("publish", exc)

    def subscription(self, channel):
        """A new ``PubSub`` on its own connection, subscribed to ``channel`` (raises while Redis is down)."""
        pubsub = self._cache.get_client(write=True).pubsub()
        pubsub.subscribe(self.make_key(channel))
        return pubsub

    def read_many(self, keys):
        """``get_many`` from Redis itself: raises while Redis is down instead of answering from memory."""
        return RedisCache.get_many(self, keys)

    def add_to_redis(self, key, value, timeout=None):
        """``add`` in Redis itself: raises while Redis is down."""
        return RedisCache.add(self, key, value, timeout=timeout)

    def _unavailable(self, operation, exc):
        now = time.monotonic()
        if now - self._warned_at > WARN_EVERY:
            self._warned_at = now
            logger.warning(
                "Redis cache unavailable (%s), answering from process memory: %s", operation, type(exc).__name__
            )


def count_with_add_and_incr(cache, key, window):
    """``count_hit`` on any Django cache: ``add`` creates the counter only if absent, ``incr`` is atomic."""
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:
        # The counter expired between add and incr: this hit starts a new window.
        cache.add(key, 1, timeout=window)
        return 1


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


# Called with no arguments after ``clear()``: whoever keeps copies of cached values in process memory.
clear_listeners = []


def _clear_and_tell(clear):
    def method(self, *args, **kwargs):
        result = clear(self, *args, **kwargs)
        for listener in clear_listeners:
            listener()
        return result

    method.__name__ = "clear"
    method.__doc__ = clear.__doc__
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
FallbackRedisCache.clear = _clear_and_tell(FallbackRedisCache.clear)
