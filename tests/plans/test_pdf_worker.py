"""The plan PDF through a real Celery worker on Redis (runs whenever REDIS_URL is set, as in CI)."""

import os
import time

import pytest
from django.db import transaction

from coalition.celery import app
from partnership.models import PlanPdf
from partnership.plans import services

pytestmark = [
    pytest.mark.worker,
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set: no broker to run a worker on"),
]


@pytest.mark.django_db(transaction=True)
def test_it_renders_the_pdf_in_a_real_worker_after_commit(settings):
    from celery.contrib.testing.worker import start_worker

    from tests.plans.factories import ActionFactory, ActionPlanFactory, user_in

    plan = ActionPlanFactory(title="Načrt za delavca")
    ActionFactory(plan=plan)
    member = user_in(plan.subgroup)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.task_always_eager = False
    app.conf.broker_url = os.environ["REDIS_URL"]
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10):
            with transaction.atomic():
                pdf = services.request_pdf(user=member, plan=plan)
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline:
                if PlanPdf.objects.filter(pk=pdf.pk, status=PlanPdf.Status.READY).exists():
                    break
                time.sleep(0.2)
    finally:
        app.conf.task_always_eager = True
    pdf.refresh_from_db()
    assert pdf.status == PlanPdf.Status.READY, "the worker did not render the PDF within 60 s"
    assert pdf.file.read(5) == b"%PDF-"
