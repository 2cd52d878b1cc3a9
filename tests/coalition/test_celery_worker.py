"""A real Celery worker round trip through Redis.

Runs whenever REDIS_URL is set (CI sets it). If Redis is configured but the worker cannot
run, the test fails; it never quietly skips in that case.
"""

import os

import pytest
from django.core import mail
from django.db import transaction

from coalition.celery import app
from coalition.emails import queue_mail
from coalition.models import OutboundEmail

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set: no broker to run a worker on"),
]


@pytest.mark.django_db(transaction=True)
def test_it_sends_a_queued_mail_through_a_real_worker(settings):
    from celery.contrib.testing.worker import start_worker

    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    app.conf.broker_url = os.environ["REDIS_URL"]
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            with transaction.atomic():
                queued = queue_mail(to="worker@example.org", template="test", context={}, language="en")
            # The worker picks the task from Redis; wait until it marks the mail sent.
            import time

            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                if OutboundEmail.objects.filter(pk=queued.pk, sent_at__isnull=False).exists():
                    break
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = True

    queued.refresh_from_db()
    assert queued.sent_at is not None, "the worker did not send the mail within 30 s"
    assert [m.to for m in mail.outbox] == [["worker@example.org"]]
