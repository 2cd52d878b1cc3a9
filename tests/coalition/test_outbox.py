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


# --- Hand-over to the worker with a real broker: coalition.emails.OutboxDispatcher ----------------


def _wait_for(condition, seconds=5):
    import time

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.01)
    return condition()


def test_the_dispatcher_publishes_every_mail_once_gathering_those_queued_while_it_publishes():
    import threading

    from coalition.emails import OutboxDispatcher

    published, first_started, release = [], threading.Event(), threading.Event()

    def publish(batch):
        if not published:
            first_started.set()
            release.wait(5)  # the broker is slow: more mail is committed meanwhile
        published.append(list(batch))

    dispatcher = OutboxDispatcher(publish)
    dispatcher.add(1)
    assert first_started.wait(5)
    adders = [threading.Thread(target=dispatcher.add, args=(n,)) for n in range(2, 42)]
    for adder in adders:
        adder.start()
    for adder in adders:
        adder.join()
    release.set()

    assert _wait_for(lambda: sum(len(batch) for batch in published) == 41)
    assert published[0] == [1]
    assert sorted(n for batch in published[1:] for n in batch) == list(range(2, 42))
    assert len(published) == 2  # the forty gathered while the first was being published: one message


def test_the_dispatcher_leaves_mail_for_the_sweep_when_the_broker_is_down_and_goes_on(caplog):
    from coalition.emails import OutboxDispatcher

    published = []

    def publish(batch):
        if batch == [1]:
            raise OSError("broker down")
        published.append(batch)

    dispatcher = OutboxDispatcher(publish)
    dispatcher.add(1)
    assert _wait_for(lambda: "left for the sweep" in caplog.text)
    dispatcher.add(2)
    assert _wait_for(lambda: published == [[2]])
    assert "ana@" not in caplog.text


def test_with_a_real_broker_the_request_only_hands_the_mail_to_the_dispatcher(
    settings, django_capture_on_commit_callbacks
):
    from coalition import emails

    settings.CELERY_TASK_ALWAYS_EAGER = False
    handed = []
    with (
        mock.patch.object(emails.dispatcher, "_publish", handed.append),
        mock.patch("coalition.tasks.send_outbound_email.apply_async") as publish_one,
    ):
        with django_capture_on_commit_callbacks(execute=True):
            queued = _queue()
            assert handed == []  # nothing before the commit
        assert _wait_for(lambda: handed == [[queued.pk]])
    publish_one.assert_not_called()
    assert mail.outbox == []  # the worker sends it


def test_a_batch_delivered_twice_sends_each_mail_once_and_retries_a_failed_one_alone():
    from coalition.tasks import send_outbound_emails

    first, second = _queue("ana@example.org"), _queue("bor@example.org")
    with (
        mock.patch("django.core.mail.EmailMultiAlternatives.send", side_effect=[None, OSError("smtp down")]),
        mock.patch("coalition.tasks.send_outbound_email.apply_async") as retry,
    ):
        send_outbound_emails.apply(args=[[first.pk, second.pk]])
    retry.assert_called_once()
    assert retry.call_args.args[0] == (second.pk,)
    send_outbound_emails.apply(args=[[first.pk, second.pk]])  # delivered again: only the owed one goes

    assert [m.to for m in mail.outbox] == [["bor@example.org"]]
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.sent_at is not None and second.sent_at is not None and second.attempts == 2


def test_flushing_at_exit_waits_for_the_batch_the_dispatcher_is_publishing():
    import threading

    from coalition.emails import OutboxDispatcher

    started, published = threading.Event(), []

    def slow_publish(batch):
        started.set()
        threading.Event().wait(0.3)  # a slow broker
        published.append(batch)

    dispatcher = OutboxDispatcher(slow_publish)
    dispatcher.add(1)
    assert started.wait(5)
    dispatcher.flush(timeout=5)
    assert published == [[1]]


def test_a_batch_goes_on_past_a_mail_that_raised_and_retries_that_one_alone():
    from coalition.tasks import send_outbound_emails

    first, second = _queue("ana@example.org"), _queue("bor@example.org")
    from coalition import tasks

    real_send = tasks._send

    def send(mail_id):
        if mail_id == first.pk:
            raise RuntimeError("database hiccup")
        return real_send(mail_id)

    assert mail.outbox == []
    with (
        mock.patch("coalition.tasks._send", side_effect=send),
        mock.patch("coalition.tasks.send_outbound_email.apply_async") as retry,
    ):
        send_outbound_emails.apply(args=[[first.pk, second.pk]])
    assert retry.call_args.args[0] == (first.pk,)
    assert [m.to for m in mail.outbox] == [["bor@example.org"]]
