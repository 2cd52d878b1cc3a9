"""Rate limits keyed on the client address our trusted proxy reports (``coalition.net.client_ip``).

DRF's own throttles read a raw ``X-Forwarded-For`` when ``NUM_PROXIES`` is unset and count with a
read-modify-write of a list in the cache; these count in fixed windows with the cache's atomic
``add`` + ``incr``, so concurrent requests cannot slip past the limit.
"""

import time

from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from coalition.net import client_ip


class _AtomicRateThrottle(SimpleRateThrottle):
    timer = time.time

    def get_rate(self):
        # Read at request time, so a changed setting (tests, deploys) applies at once.
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request):
        return client_ip(request) or "unknown"

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        if self.rate is None:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        now = int(self.timer())
        window_start = now - now % self.duration
        self._wait = window_start + self.duration - now
        window_key = f"{key}:{window_start}"
        self.cache.add(window_key, 0, self.duration + 1)
        try:
            count = self.cache.incr(window_key)
        except ValueError:
            # The window expired between add and incr: this request opens the next one.
            self.cache.add(window_key, 1, self.duration + 1)
            count = 1
        return count <= self.num_requests

    def wait(self):
        return max(1, getattr(self, "_wait", 1))


class AnonThrottle(_AtomicRateThrottle):
    scope = "anon"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class UserThrottle(_AtomicRateThrottle):
    scope = "user"

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class SigningThrottle(_AtomicRateThrottle):
    """Signing a declaration: per client address, signed in or not."""

    scope = "signing"

    def get_cache_key(self, request, view):
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
