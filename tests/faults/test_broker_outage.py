"""With the broker down during a signing surge, every signature is stored, every request answers
at once, and each owed mail is sent exactly once after the broker returns (by the periodic sweep)."""

import time

import pytest
from django.core import mail

from coalition.models import OutboundEmail
from coalition.tasks import sweep_outbox
from declaration.models import ConsentEvent, Signature
from tests.faults.conftest import age_the_outbox, broker_down

pytestmark = pytest.mark.django_db

SIGNERS = [f"podpisnik.{n}@example.org" for n in range(6)]


def test_it_stores_every_signature_and_sends_each_owed_mail_once_after_the_broker_returns(
    client, sign_form, django_capture_on_commit_callbacks
):
    with broker_down():
        for number, email in enumerate(SIGNERS):
            started = time.monotonic()
            with django_capture_on_commit_callbacks(execute=True) as callbacks:
                response = client.post(sign_form.url, sign_form(email), REMOTE_ADDR=f"198.51.100.{number}")
            assert response.status_code == 302, response.content[:500]
            assert callbacks, "the mail's dispatch was not deferred to the commit"
            assert time.monotonic() - started < 10  # a broker that is down does not hang the request

    assert Signature.objects.filter(status=Signature.Status.PENDING).count() == len(SIGNERS)
    assert ConsentEvent.objects.filter(kind=ConsentEvent.Kind.GIVEN).count() == len(SIGNERS)
    assert OutboundEmail.objects.owed().count() == len(SIGNERS)
    assert mail.outbox == []  # nothing could be sent while the broker was down

    age_the_outbox()
    assert sweep_outbox() == len(SIGNERS)
    assert sweep_outbox() == 0
    assert sorted(m.to[0] for m in mail.outbox) == sorted(SIGNERS)
    assert OutboundEmail.objects.owed().count() == 0


def test_it_sends_a_mail_whose_task_was_published_before_the_sweep_only_once(
    client, sign_form, django_capture_on_commit_callbacks
):
    with broker_down():
        with django_capture_on_commit_callbacks(execute=True):
            client.post(sign_form.url, sign_form("ana@example.org"))
    owed = OutboundEmail.objects.get()
    # The broker comes back and delivers the original task late, after the sweep already sent the mail.
    age_the_outbox()
    sweep_outbox()
    from coalition.tasks import send_outbound_email

    send_outbound_email.apply(args=[owed.pk])
    assert len(mail.outbox) == 1
