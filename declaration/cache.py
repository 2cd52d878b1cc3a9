"""Cached counts and statistics of signatures, invalidated whenever a signature starts or stops counting.

Counting 100,000 rows on every page view is wasteful; instead every cached figure is keyed on a
per-declaration version that confirm, withdraw and verify bump after their commit.

The cache is Redis in production. If Redis is down, signing must still work: every call here
degrades to computing the figure (and the rate limit to letting the request through), never a 500.
"""

import hashlib
import logging
import uuid

from django.core.cache import cache

from coalition import pagecache

logger = logging.getLogger(__name__)

TIMEOUT = 60 * 60


def _version_key(declaration_id):
    return f"declaration:{declaration_id}:signatures-version"


def cache_call(method, *args, default=None, **kwargs):
    """``cache.<method>(...)``, or ``default`` if the cache is unreachable."""
    try:
        return getattr(cache, method)(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - a cache outage must not fail the request
        logger.warning("Cache unavailable (%s): %s", method, type(exc).__name__)
        return default


def signature_cache_version(declaration_id):
    version = cache_call("get", _version_key(declaration_id))
    if version is None:
        cache_call("add", _version_key(declaration_id), uuid.uuid4().hex, timeout=None)
        version = cache_call("get", _version_key(declaration_id))
    return version


def bump_signature_cache(declaration_id):
    cache_call("set", _version_key(declaration_id), uuid.uuid4().hex, timeout=None)
    pagecache.bump(pagecache.SIGNATURES)


def cached(declaration_id, name, compute, timeout=TIMEOUT):
    """``compute()`` once per version of the declaration's signatures (and per ``name``)."""
    version = signature_cache_version(declaration_id)
    if version is None:  # no cache at all: compute every time
        return compute()
    digest = hashlib.sha256(name.encode()).hexdigest()[:24]
    key = f"declaration:{declaration_id}:{version}:{digest}"
    value = cache_call("get", key)
    if value is None:
        value = compute()
        cache_call("set", key, value, timeout=timeout)
    return value
