"""Mail as subject/text/HTML template triples, queued in the outbox and sent after commit.

Every mail the portal sends goes through :func:`queue_mail`: the outbox row is written in the
caller's transaction, so a rolled-back change owes no mail, and a broker that is down only
delays the mail until the periodic sweep (``coalition.tasks.sweep_outbox``).
"""

import atexit
import logging
import os
import threading
import time

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from coalition.models import OutboundEmail

logger = logging.getLogger(__name__)


def render_mail(template, context, language=None):
    """Render ``templates/emails/<template>-subject.txt``, ``-body.txt`` and ``-body.html``."""
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        subject = " ".join(render_to_string(f"emails/{template}-subject.txt", context).split())
        text = render_to_string(f"emails/{template}-body.txt", context)
        try:
            html = render_to_string(f"emails/{template}-body.html", context)
        except Exception:  # noqa: BLE001 - an HTML part is optional
            html = ""
    return subject, text, html


def queue_mail(*, to, template, context, language=None, attachment_task="", attachment_ref=""):
    """Store the mail in the outbox and send it once the surrounding transaction commits."""
    subject, text, html = render_mail(template, context, language)
    mail = OutboundEmail.objects.create(
        to=to,
        subject=subject[:255],
        body_text=text,
        body_html=html,
        kind=template,
        attachment_task=attachment_task,
        attachment_ref=str(attachment_ref or ""),
    )
    transaction.on_commit(lambda: dispatch_outbound_email(mail.pk))
    return mail


def dispatch_outbound_email(mail_id):
    """Hand the committed mail to the worker; if the broker is unreachable, leave it for the sweep.

    With a real broker the process's :class:`OutboxDispatcher` publishes it from its own thread, so
    the request that queued it does not wait for the broker. Eager Celery (``make run``, tests) sends
    it here and now.
    """
    if settings.CELERY_TASK_ALWAYS_EAGER:
        _publish_one(mail_id)
        return
    try:
        dispatcher.add(mail_id)
    except Exception as exc:  # noqa: BLE001 - the change is committed: never fail the request now
        logger.warning("Outbox mail %s left for the sweep: %s", mail_id, type(exc).__name__)


def _publish_one(mail_id):
    from coalition.tasks import send_outbound_email

    try:
        send_outbound_email.apply_async((mail_id,), declare=[])
    except Exception as exc:  # noqa: BLE001 - any broker failure must not fail the request
        logger.warning("Broker unavailable, outbox mail %s left for the sweep: %s", mail_id, type(exc).__name__)


def _publish_batch(mail_ids):
    from coalition.tasks import send_outbound_emails

    # declare=[]: the task goes to its queue's list through the default exchange, so nothing needs
    # declaring; declaring anyway made kombu copy and re-bind the queue on every publish.
    send_outbound_emails.apply_async((mail_ids,), declare=[])


class OutboxDispatcher:
    """Publishes committed outbox mail from one thread per process, many mails per broker message.

    ``add`` only appends the id and wakes the thread; the thread publishes every id gathered since
    its last message, after lingering ``linger`` seconds for more. Under a signing surge one message
    carries the mail of many requests (a publish per mail was a tenth of a signing's time in the web
    process); when it is quiet a mail waits only the linger. Nothing is lost if the broker is down
    or the process dies first: the mail stays owed in the outbox and ``coalition.tasks.sweep_outbox``
    sends it.
    """

    def __init__(self, publish, *, linger=0.0):
        self._publish = publish
        self._linger = linger
        self._reset()
        if hasattr(os, "register_at_fork"):
            # A forked child (a gunicorn worker) starts empty, with its own lock and thread.
            os.register_at_fork(after_in_child=self._reset)

    def _reset(self):
        self._ready = threading.Condition(threading.Lock())
        self._waiting = []
        self._publishing = 0  # batches taken and not yet handed to the broker
        self._thread = None

    def add(self, mail_id):
        with self._ready:
            self._waiting.append(mail_id)
            if self._thread is None or not self._thread.is_alive():
                thread = threading.Thread(target=self._run, name="outbox-dispatcher", daemon=True)
                thread.start()  # if it cannot start, the id waits for the next add, the flush or the sweep
                self._thread = thread
            self._ready.notify()

    def flush(self, timeout=2.0):
        """Publish what is waiting, in the calling thread, and wait up to ``timeout`` seconds for a
        batch the dispatcher's thread is publishing (at exit: a process that queued mail and ends)."""
        self._send(self._take())
        deadline = time.monotonic() + timeout
        with self._ready:
            while self._publishing and (remaining := deadline - time.monotonic()) > 0:
                self._ready.wait(remaining)

    def _take(self):
        with self._ready:
            batch, self._waiting = self._waiting, []
            if batch:
                self._publishing += 1
        return batch

    def _run(self):
        while True:
            with self._ready:
                while not self._waiting:
                    self._ready.wait()
            time.sleep(self._linger)  # let the mail of concurrent requests join this message
            self._send(self._take())

    def _send(self, batch):
        if not batch:
            return
        try:
            self._publish(batch)
        except Exception as exc:  # noqa: BLE001 - the outbox keeps them; the sweep sends them
            logger.warning(
                "Broker unavailable, %s outbox mail(s) left for the sweep: %s", len(batch), type(exc).__name__
            )
        finally:
            with self._ready:
                self._publishing -= 1
                self._ready.notify_all()


dispatcher = OutboxDispatcher(_publish_batch, linger=settings.OUTBOX_DISPATCH_LINGER)
atexit.register(dispatcher.flush)
