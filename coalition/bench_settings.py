"""Production settings for ``make bench`` (``python -m bench``), plus the ceiling view.

Everything is the production configuration (``DEBUG`` off, the full middleware stack, PostgreSQL
and Redis); only what a loopback benchmark cannot have differs, each with its reason:

- ``SECURE_SSL_REDIRECT`` is off: the load generator speaks plain HTTP on 127.0.0.1 (TLS is the
  proxy's job in production), so every request would otherwise be a 301.
- ``TRUSTED_PROXIES`` is 127.0.0.1: the load generator plays the proxy and sends a random
  ``X-Forwarded-For`` per request, so per-client rate limits stay on and count thousands of
  different clients instead of refusing one.
- ``ROOT_URLCONF`` is ``bench.urls``: the portal's URLs plus ``/bench/ceiling``, a bare Django
  view through the same middleware, the framework's ceiling every figure is compared with.
"""

import os
import secrets

os.environ["DJANGO_DEBUG"] = "false"
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/coalition_bench")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/2")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "false"
os.environ.setdefault("DJANGO_TRUSTED_PROXIES", "127.0.0.1")

from coalition.settings import *  # noqa: E402,F403
from coalition.settings import BASE_DIR, CACHES, LOGGING, VAR_DIR, env  # noqa: E402,F401

ROOT_URLCONF = "bench.urls"
BENCH_CEILING_ENABLED = True
STATIC_ROOT = VAR_DIR / "bench-static"
STATIC_ROOT.mkdir(exist_ok=True)
CACHES["default"]["KEY_PREFIX"] = "coalition-bench"
if env.bool("BENCH_NO_CACHE", default=False):
    # The "uncached" measurement: every page is rendered for every request, as for a signed-in member;
    # Redis still holds what production keeps there (counts, rate limits). Only the bench's second
    # server uses it.
    PAGE_CACHE_ENABLED = False
LOGGING["root"]["level"] = "WARNING"
