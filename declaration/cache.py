"""Cached counts and statistics of signatures, invalidated whenever a signature starts or stops counting.

Counting 100,000 rows on every page view is wasteful; instead every cached figure is keyed on a
per-declaration version that confirm, withdraw and verify bump after their commit.
"""

import hashlib
import uuid

from django.core.cache import cache

TIMEOUT = 60 * 60


def _version_key(declaration_id):
    return f"declaration:{declaration_id}:signatures-version"


def signature_cache_version(declaration_id):
    version = cache.get(_version_key(declaration_id))
    if version is None:
        version = uuid.uuid4().hex
        cache.add(_version_key(declaration_id), version, timeout=None)
        version = cache.get(_version_key(declaration_id)) or version
    return version


def bump_signature_cache(declaration_id):
    cache.set(_version_key(declaration_id), uuid.uuid4().hex, timeout=None)


def cached(declaration_id, name, compute, timeout=TIMEOUT):
    """``compute()`` once per version of the declaration's signatures (and per ``name``)."""
    digest = hashlib.sha256(name.encode()).hexdigest()[:24]
    key = f"declaration:{declaration_id}:{signature_cache_version(declaration_id)}:{digest}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=timeout)
    return value
