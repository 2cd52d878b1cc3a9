from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone

from coalition.emails import queue_mail
from coalition.models import OutboundEmail
from coalition.tasks import send_outbound_email, sweep_outbox

pytestmark = pytest.mark.django_db


def _queue(to="ana@example.org"):
    return queue_mail(to=to, template="test", context={}, language="sl")


def test_it_sends_the_mail_once_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queued = _queue()
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.org"]
    assert "Digitalna koalicija" in mail.outbox[0].subject or "Digital" in mail.outbox[0].subject
    queued.refresh_from_db()
    assert queued.sent_at is not None


def test_it_queues_nothing_when_the_transaction_rolls_back(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError):
            with transaction.atomic():
                _queue()
                raise RuntimeError("the change failed")
    assert OutboundEmail.objects.count() == 0
    assert mail.outbox == []


def test_it_sends_once_when_the_task_is_delivered_twice(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queued = _queue()
    send_outbound_email.apply(args=[queued.pk])
    send_outbound_email.apply(args=[queued.pk])
    assert len(mail.outbox) == 1


def test_it_keeps_the_mail_when_the_broker_is_down_and_the_sweep_sends_it_once(django_capture_on_commit_callbacks):
    with mock.patch("coalition.tasks.send_outbound_email.apply_async", side_effect=OSError("broker down")):
        with django_capture_on_commit_callbacks(execute=True):
            queued = _queue()
    assert mail.outbox == []
    assert OutboundEmail.objects.owed().count() == 1

    OutboundEmail.objects.filter(pk=queued.pk).update(created=timezone.now() - timedelta(minutes=5))
    assert sweep_outbox() == 1
    assert sweep_outbox() == 0
    assert len(mail.outbox) == 1


def test_it_retries_a_failing_mail_server_until_one_mail_is_delivered(django_capture_on_commit_callbacks):
    calls = {"n": 0}
    real_send = __import__("django.core.mail.backends.locmem", fromlist=["EmailBackend"]).EmailBackend.send_messages

    def flaky(backend, messages):
        calls["n"] += 1
        if calls["n"] <= 3:
            raise ConnectionRefusedError("smtp down")
        return real_send(backend, messages)

    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", flaky):
        with django_capture_on_commit_callbacks(execute=True):
            queued = _queue()
        OutboundEmail.objects.filter(pk=queued.pk).update(created=timezone.now() - timedelta(minutes=5))
        for _ in range(5):
            sweep_outbox()
    queued.refresh_from_db()
    assert queued.attempts == 4
    assert queued.sent_at is not None
    assert len(mail.outbox) == 1
