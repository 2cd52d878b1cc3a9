from celery import shared_task

from partnership.plans.services import render_pdf


@shared_task
def render_plan_pdf(pdf_id):
    """Render the PDF of one plan revision once, however often the task is delivered."""
    render_pdf(pdf_id=pdf_id)
