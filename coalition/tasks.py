import importlib
import logging
from datetime import timedelta

from celery import shared_task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone

from coalition.models import OutboundEmail

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 10
SWEEP_GRACE = timedelta(minutes=1)


def _attachment(mail):
    module_name, _, function_name = mail.attachment_task.rpartition(".")
    function = getattr(importlib.import_module(module_name), function_name)
    return function(mail.attachment_ref)


def _send(mail_id):
    """Send one outbox mail unless it was sent already; return True if sending failed (it stays owed)."""
    with transaction.atomic():
        mail = OutboundEmail.objects.select_for_update().filter(pk=mail_id).first()
        if mail is None or mail.sent_at is not None or mail.failed_permanently:
            return False
        message = EmailMultiAlternatives(mail.subject, mail.body_text, settings.DEFAULT_FROM_EMAIL, [mail.to])
        if mail.body_html:
            message.attach_alternative(mail.body_html, "text/html")
        mail.attempts += 1
        try:
            if mail.attachment_task:
                message.attach(*_attachment(mail))
            message.send()
        except Exception as exc:  # noqa: BLE001 - recorded, retried and swept
            mail.last_error = type(exc).__name__[:255]
            mail.failed_permanently = mail.attempts >= MAX_ATTEMPTS
            mail.save(update_fields=["attempts", "last_error", "failed_permanently"])
            logger.warning("Mail %s not sent (attempt %s): %s", mail.pk, mail.attempts, type(exc).__name__)
            return True
        mail.sent_at = timezone.now()
        mail.last_error = ""
        mail.save(update_fields=["attempts", "sent_at", "last_error"])
        return False


@shared_task(bind=True, max_retries=3, default_retry_delay=30)
def send_outbound_email(self, mail_id):
    """Send one outbox mail exactly once, however often the task is delivered."""
    if _send(mail_id) and not self.request.is_eager:
        raise self.retry()


@shared_task
def send_outbound_emails(mail_ids):
    """Send a batch of outbox mail handed over by a web process (``coalition.emails.OutboxDispatcher``).

    Each mail is sent at most once, however often the batch is delivered; one that fails is
    retried on its own task, and the sweep still owes it if those retries fail too.
    """
    for mail_id in mail_ids:
        try:
            failed = _send(mail_id)
        except Exception as exc:  # noqa: BLE001 - one mail's trouble (a database hiccup) must not stop the rest
            logger.warning("Mail %s not sent from its batch: %s", mail_id, type(exc).__name__)
            failed = True
        if failed:
            send_outbound_email.apply_async((mail_id,), countdown=send_outbound_email.default_retry_delay)


@shared_task
def sweep_outbox():
    """Send every mail still owed (broker or mail server was down when it was queued)."""
    cutoff = timezone.now() - SWEEP_GRACE
    owed = list(OutboundEmail.objects.owed().filter(created__lte=cutoff).values_list("pk", flat=True)[:500])
    for mail_id in owed:
        send_outbound_email.apply(args=[mail_id])
    return len(owed)
