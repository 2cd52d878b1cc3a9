"""Mail as subject/text/HTML template triples, queued in the outbox and sent after commit.

Every mail the portal sends goes through :func:`queue_mail`: the outbox row is written in the
caller's transaction, so a rolled-back change owes no mail, and a broker that is down only
delays the mail until the periodic sweep (``coalition.tasks.sweep_outbox``).
"""

import logging

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
    """Hand the mail to Celery; if the broker is unreachable, leave it for the sweep."""
    from coalition.tasks import send_outbound_email

    try:
        # declare=[]: the task goes to its queue's list through the default exchange, so nothing needs
        # declaring; declaring anyway made kombu copy and re-bind the queue on every publish (a tenth
        # of a signing's time in the web process).
        send_outbound_email.apply_async((mail_id,), declare=[])
    except Exception as exc:  # noqa: BLE001 - any broker failure must not fail the request
        logger.warning("Broker unavailable, outbox mail %s left for the sweep: %s", mail_id, type(exc).__name__)
