"""draft → in review → approved → published, and back to draft with a reason."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coalition.models import OutboundEmail
from partnership.models import ActionPlan, PlanRevision
from partnership.plans import services

pytestmark = pytest.mark.django_db


def test_it_walks_a_plan_through_review_to_publication(client, plan, lead, secretariat_user):
    client.force_login(lead)
    client.post(reverse("partnership:plan_submit", args=[plan.pk]))
    client.force_login(secretariat_user)
    client.post(reverse("partnership:plan_approve", args=[plan.pk]))
    client.post(reverse("partnership:plan_publish", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.PUBLISHED
    assert plan.published_at is not None
    kinds = list(plan.revisions.order_by("number").values_list("kind", flat=True))
    assert kinds == ["created", "submitted", "approved", "published"]
    assert plan.version == 4


def test_it_tells_the_secretariat_when_a_plan_is_submitted(plan, lead, settings):
    services.submit_plan(user=lead, plan=plan)
    mail = OutboundEmail.objects.get(kind="plan-submitted")
    assert mail.to == settings.SECRETARIAT_EMAIL
    assert plan.title in mail.subject


def test_it_sends_a_plan_back_with_the_reason_shown_and_mailed_to_the_lead(client, plan, lead, secretariat_user):
    services.submit_plan(user=lead, plan=plan)
    plan.refresh_from_db()
    client.force_login(secretariat_user)
    response = client.post(reverse("partnership:plan_send_back", args=[plan.pk]), {"reason": "Manjkajo kazalniki."})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.DRAFT
    assert plan.sent_back_reason == "Manjkajo kazalniki."
    assert plan.revisions.first().kind == PlanRevision.Kind.SENT_BACK
    mail = OutboundEmail.objects.get(kind="plan-sent-back")
    assert mail.to == lead.email
    assert "Manjkajo kazalniki." in mail.body_text
    client.force_login(lead)
    assert "Manjkajo kazalniki." in client.get(plan.get_absolute_url()).content.decode()


def test_it_asks_for_a_reason_before_sending_back(client, plan, lead, secretariat_user):
    services.submit_plan(user=lead, plan=plan)
    client.force_login(secretariat_user)
    response = client.post(reverse("partnership:plan_send_back", args=[plan.pk]), {"reason": "  "})
    assert response.status_code == 400
    assert "Razlog" in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.IN_REVIEW


def test_it_does_not_publish_a_plan_that_was_not_approved(plan, secretariat_user):
    with pytest.raises(PermissionDenied):
        services.publish_plan(user=secretariat_user, plan=plan)
    assert ActionPlan.objects.get(pk=plan.pk).status == ActionPlan.Status.DRAFT


def test_it_submits_once_when_the_lead_clicks_twice(plan, lead):
    services.submit_plan(user=lead, plan=plan)
    stale = ActionPlan.objects.get(pk=plan.pk)
    stale.status = ActionPlan.Status.DRAFT  # what a second, older request still believes
    with pytest.raises(ValidationError):
        services.submit_plan(user=lead, plan=stale)
    assert plan.revisions.filter(kind="submitted").count() == 1


def test_it_shows_each_persona_only_the_buttons_it_may_use(client, plan, member, lead, secretariat_user):
    submit = reverse("partnership:plan_submit", args=[plan.pk])
    client.force_login(member)
    assert submit not in client.get(plan.get_absolute_url()).content.decode()
    client.force_login(lead)
    assert submit in client.get(plan.get_absolute_url()).content.decode()
    services.submit_plan(user=lead, plan=plan)
    client.force_login(secretariat_user)
    html = client.get(plan.get_absolute_url()).content.decode()
    assert reverse("partnership:plan_approve", args=[plan.pk]) in html
    assert reverse("partnership:plan_publish", args=[plan.pk]) not in html
