"""The production configuration, read from ``coalition/settings.py`` itself under a production environment.

Tests apply the security part of it with ``override_settings``, so a change to the real settings
(not a copy of them in a test) is what the header and rate-limit tests see.
"""

import os
import runpy
from pathlib import Path
from unittest import mock

SETTINGS_FILE = Path(__file__).resolve().parents[2] / "coalition" / "settings.py"

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": "k8$Zp2!rQ7wLx9vB4nM1cT6yH3jF0sD5gA8eU2iO7pK4lW9qE1zR6tY3uI0oP5aS",
    "DJANGO_ALLOWED_HOSTS": "testserver,portal.example.si",
}

SECURITY_SETTINGS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "CONTENT_SECURITY_POLICY",
    "MIDDLEWARE",
]


def production_settings(**env):
    """Every setting ``coalition/settings.py`` yields with DEBUG off (and ``env`` added)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_") and k not in ("REDIS_URL",)}
    clean.update(PRODUCTION_ENV)
    clean.update(env)
    with mock.patch.dict(os.environ, clean, clear=True):
        return runpy.run_path(str(SETTINGS_FILE))


def security_overrides(**env):
    values = production_settings(**env)
    return {name: values[name] for name in SECURITY_SETTINGS if name in values}
