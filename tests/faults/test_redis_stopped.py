"""Redis really stopped in the middle of a signing surge: a private redis-server of this test (never
the shared one) is the cache and the Celery broker, as ``REDIS_URL`` makes it in production; it is
shut down, signing goes on, it starts again, and the sweep sends each owed mail exactly once."""

import shutil
import socket
import subprocess
import time

import pytest
from django.core import mail
from django.core.cache import caches
from django.test import override_settings

from coalition.celery import app
from coalition.models import OutboundEmail
from coalition.tasks import sweep_outbox
from declaration.models import Signature
from tests.faults.conftest import _reset_connections, age_the_outbox
from tests.security.production import production_settings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(shutil.which("redis-server") is None, reason="needs redis-server on PATH"),
]


class PrivateRedis:
    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(100):
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def private_redis():
    redis = PrivateRedis()
    redis.start()
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.broker_url = redis.url
    app.conf.task_always_eager = False
    _reset_connections()
    # The cache exactly as the production settings build it from REDIS_URL.
    cache_settings = production_settings(REDIS_URL=redis.url)["CACHES"]
    try:
        with override_settings(CACHES=cache_settings):
            caches["default"].clear()
            yield redis
    finally:
        redis.stop()
        app.conf.update(saved)
        _reset_connections()


def _sign(client, sign_form, capture, email, number):
    with capture(execute=True):
        return client.post(sign_form.url, sign_form(email), REMOTE_ADDR=f"203.0.113.{number}")


def test_it_stores_every_signature_while_redis_is_stopped_and_sends_each_mail_once_after(
    client, sign_form, private_redis, django_capture_on_commit_callbacks
):
    before = [f"vmes.{n}@example.org" for n in range(2)]
    during = [f"med.izpadom.{n}@example.org" for n in range(4)]
    for number, email in enumerate(before):
        assert _sign(client, sign_form, django_capture_on_commit_callbacks, email, number).status_code == 302
    # Redis was up: the tasks are in its queue (no worker runs here), the mails still owed.
    private_redis.stop()
    for number, email in enumerate(during, start=10):
        started = time.monotonic()
        response = _sign(client, sign_form, django_capture_on_commit_callbacks, email, number)
        assert response.status_code == 302, response.status_code
        assert time.monotonic() - started < 15
    assert Signature.objects.count() == len(before) + len(during)
    assert OutboundEmail.objects.owed().count() == len(before) + len(during)

    private_redis.start()  # back, empty: what was queued in it before the outage is lost too
    age_the_outbox()
    assert sweep_outbox() == len(before) + len(during)
    assert sweep_outbox() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(before + during)


def test_it_keeps_counting_rate_limits_in_process_memory_while_redis_is_stopped(
    client, sign_form, private_redis, django_capture_on_commit_callbacks, settings
):
    private_redis.stop()
    limit = settings.SIGNATURE_RATE_LIMIT if hasattr(settings, "SIGNATURE_RATE_LIMIT") else 10
    answers = [
        _sign(client, sign_form, django_capture_on_commit_callbacks, f"isti.naslov.{n}@example.org", 77).status_code
        for n in range(limit + 1)
    ]
    assert answers[:limit] == [302] * limit
    assert answers[limit] == 429  # the limit still holds (per process) with Redis gone
    assert Signature.objects.count() == limit


def test_it_still_reports_redis_down_on_the_health_check(client, private_redis, settings):
    settings.REDIS_URL = private_redis.url
    assert client.get("/healthz").status_code == 200
    private_redis.stop()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "redis" in response.content.decode()
