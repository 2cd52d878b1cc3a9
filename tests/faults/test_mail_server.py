"""A real SMTP server on a loopback socket that fails three times, then accepts: exactly one mail arrives."""

import socket

import pytest
from aiosmtpd.controller import Controller
from django.test import override_settings

from coalition.models import OutboundEmail
from coalition.tasks import sweep_outbox
from declaration.models import Signature
from tests.faults.conftest import age_the_outbox

pytestmark = pytest.mark.django_db


class FlakyHandler:
    """Answers 451 (try again later) to the first ``failures`` messages, then accepts and keeps them."""

    def __init__(self, failures):
        self.failures = failures
        self.attempts = 0
        self.delivered = []

    async def handle_DATA(self, server, session, envelope):
        self.attempts += 1
        if self.attempts <= self.failures:
            return "451 4.3.0 Temporary failure, try again later"
        self.delivered.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


@pytest.fixture
def flaky_smtp():
    handler = FlakyHandler(failures=3)
    with socket.socket() as probe:  # a free loopback port for the server
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_TIMEOUT=5,
        ):
            yield handler
    finally:
        controller.stop()


def test_it_delivers_exactly_one_mail_through_a_server_that_fails_three_times(
    client, sign_form, flaky_smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sign_form.url, sign_form("ana.zagar@example.org"))
    assert response.status_code == 302
    assert Signature.objects.count() == 1
    assert flaky_smtp.attempts == 1 and flaky_smtp.delivered == []  # the first try after commit failed

    owed = OutboundEmail.objects.get()
    for _ in range(6):  # the periodic sweep keeps trying; once delivered it stops
        age_the_outbox()
        sweep_outbox()

    assert flaky_smtp.attempts == 4
    assert len(flaky_smtp.delivered) == 1
    recipients, content = flaky_smtp.delivered[0]
    assert recipients == ["ana.zagar@example.org"]
    assert b"/deklaracija/potrditev/" in content
    owed.refresh_from_db()
    assert owed.sent_at is not None and owed.attempts == 4
