"""Helpers for the fault tests: a broker that is down, a mail server that fails, the signing form.

They run against whatever ``DATABASE_URL`` and ``REDIS_URL`` name (CI sets both), so the broker
outage is simulated by pointing Celery at an address where nothing listens for the duration,
never by stopping the Redis other tests share.
"""

import contextlib
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coalition.celery import app
from coalition.models import OutboundEmail

UNREACHABLE_BROKER = "redis://127.0.0.1:1/0"


def _reset_connections():
    app._pool = None
    with contextlib.suppress(AttributeError):
        app.amqp._producer_pool = None


@contextlib.contextmanager
def broker_down():
    """Celery publishes for real (not eagerly) to a broker that refuses every connection."""
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.broker_url = UNREACHABLE_BROKER
    app.conf.task_always_eager = False
    _reset_connections()
    try:
        yield
    finally:
        app.conf.update(saved)
        _reset_connections()


def age_the_outbox():
    """Make every owed mail older than the sweep's grace period (the sweep leaves fresh ones to their task)."""
    OutboundEmail.objects.update(created=timezone.now() - timedelta(minutes=5))


@pytest.fixture
def sign_form(db):
    """A function returning a valid POST of the public signing form for ``email``."""
    from tests.declaration.factories import ConsentTextFactory, DeclarationFactory

    consent_text = ConsentTextFactory(declaration=DeclarationFactory(), version=1)

    def data(email, name="Ana Žagar"):
        return {
            "name": name,
            "email": email,
            "signatory_type": "individual",
            "organisation_name": "",
            "position": "",
            "municipality": "",
            "show_publicly": "yes",
            "consent": "on",
            "consent_version": str(consent_text.version),
            "website": "",
        }

    data.url = reverse("declaration:sign")
    return data
