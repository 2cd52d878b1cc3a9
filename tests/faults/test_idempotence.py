"""Tasks delivered twice do their work once; a transaction that rolls back owes nothing."""

from unittest import mock

import pytest
from django.core import mail
from django.db import transaction

from coalition.models import OutboundEmail
from coalition.tasks import send_outbound_email
from declaration import services
from declaration.models import ConsentEvent, Signature

pytestmark = pytest.mark.django_db


def _sign(declaration, consent_text, email="ana@example.org"):
    services.sign_declaration(
        declaration=declaration,
        name="Ana Žagar",
        email=email,
        signatory_type="individual",
        consent_given=True,
        consent_text=consent_text,
        show_publicly=True,
    )


@pytest.fixture
def consent_text(db):
    from tests.declaration.factories import ConsentTextFactory, DeclarationFactory

    return ConsentTextFactory(declaration=DeclarationFactory(), version=1)


def test_it_sends_one_mail_when_the_mail_task_is_delivered_twice(consent_text, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _sign(consent_text.declaration, consent_text)
    queued = OutboundEmail.objects.get()
    send_outbound_email.apply(args=[queued.pk])
    send_outbound_email.apply(args=[queued.pk])
    assert len(mail.outbox) == 1
    queued.refresh_from_db()
    assert queued.attempts == 1


def test_it_renders_one_pdf_when_the_render_task_is_delivered_twice(django_capture_on_commit_callbacks):
    from partnership.models import PlanPdf
    from partnership.plans import pdf as pdf_module
    from partnership.plans.tasks import render_plan_pdf
    from tests.plans.factories import ActionFactory, ActionPlanFactory

    plan = ActionPlanFactory(status="published")
    ActionFactory(plan=plan, proposed_action="Skupna platforma za izmenjavo podatkov med občinami")
    pdf = PlanPdf.objects.create(plan=plan, revision_number=plan.version, requested_at=plan.created)
    with mock.patch.object(pdf_module, "render_plan_pdf_bytes", wraps=pdf_module.render_plan_pdf_bytes) as render:
        render_plan_pdf.apply(args=[pdf.pk])
        render_plan_pdf.apply(args=[pdf.pk])
    pdf.refresh_from_db()
    assert render.call_count == 1
    assert pdf.render_count == 1
    assert pdf.status == PlanPdf.Status.READY
    assert pdf.file.read(5) == b"%PDF-"


def test_it_queues_nothing_when_the_signing_transaction_rolls_back(consent_text, django_capture_on_commit_callbacks):
    with (
        mock.patch("coalition.emails.dispatch_outbound_email") as dispatch,
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        with pytest.raises(RuntimeError), transaction.atomic():
            _sign(consent_text.declaration, consent_text)
            assert OutboundEmail.objects.count() == 1  # it was queued inside the transaction...
            raise RuntimeError("something later in the same transaction failed")
    assert callbacks == []  # ...and no task was handed to the broker
    dispatch.assert_not_called()
    assert OutboundEmail.objects.count() == 0
    assert Signature.objects.count() == 0
    assert ConsentEvent.objects.count() == 0
    assert mail.outbox == []
