"""Comments on a plan or one action, replies, resolving; the plan's leads hear of them by mail."""

import pytest
from django.core import mail
from django.urls import reverse

from partnership.models import Comment
from partnership.plans import services

pytestmark = pytest.mark.django_db


def test_it_mails_the_lead_after_commit_when_a_member_comments_on_an_action(
    client, plan, member, lead, django_capture_on_commit_callbacks
):
    action = plan.actions.first()
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(
            reverse("partnership:plan_comment_add", args=[plan.pk]), {"body": "Kdo bo to izvedel?", "action": action.pk}
        )
    assert response.status_code == 302
    assert callbacks  # the mail leaves only once the comment is committed
    comment = Comment.objects.get()
    assert (comment.action, comment.author) == (action, member)
    assert [m.to for m in mail.outbox] == [[lead.email]]
    assert plan.title in mail.outbox[0].subject
    assert "Kdo bo to izvedel?" in mail.outbox[0].body
    assert f"#comment-{comment.pk}" in mail.outbox[0].body


def test_it_does_not_mail_the_lead_about_their_own_comment(plan, lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.add_comment(user=lead, plan=plan, body="Sam sebi")
    assert mail.outbox == []


def test_it_threads_replies_and_resolves_a_comment(client, plan, member, lead):
    comment = services.add_comment(user=member, plan=plan, body="Vprašanje")
    client.force_login(lead)
    client.post(
        reverse("partnership:plan_comment_add", args=[plan.pk]),
        {"body": "Moj odgovor na vprašanje", "parent": comment.pk},
    )
    reply = Comment.objects.get(parent=comment)
    assert reply.body == "Moj odgovor na vprašanje"
    html = client.get(plan.get_absolute_url()).content.decode()
    assert html.index("Vprašanje") < html.index("Moj odgovor na vprašanje")
    client.post(reverse("partnership:plan_comment_resolve", args=[plan.pk, comment.pk]), {"resolved": "1"})
    comment.refresh_from_db()
    assert comment.is_resolved and comment.resolved_by == lead
    client.post(reverse("partnership:plan_comment_resolve", args=[plan.pk, comment.pk]), {"resolved": "0"})
    comment.refresh_from_db()
    assert not comment.is_resolved


def test_it_refuses_an_empty_comment_naming_the_field(client, plan, member):
    client.force_login(member)
    response = client.post(reverse("partnership:plan_comment_add", args=[plan.pk]), {"body": ""})
    assert response.status_code == 400
    assert "Komentar:" in response.content.decode()
    assert not Comment.objects.exists()


def test_it_refuses_a_comment_on_another_plans_action(client, plan, member):
    from tests.plans.factories import ActionFactory

    foreign = ActionFactory()
    client.force_login(member)
    response = client.post(reverse("partnership:plan_comment_add", args=[plan.pk]), {"body": "x", "action": foreign.pk})
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_it_lets_no_outsider_resolve_a_comment(client, plan, member, other_member):
    comment = services.add_comment(user=member, plan=plan, body="Vprašanje")
    client.force_login(other_member)
    response = client.post(reverse("partnership:plan_comment_resolve", args=[plan.pk, comment.pk]))
    assert response.status_code == 404
    comment.refresh_from_db()
    assert not comment.is_resolved


def test_it_offers_members_to_comment_on_one_action(client, plan, member):
    action = plan.actions.first()
    client.force_login(member)
    html = client.get(plan.get_absolute_url()).content.decode()
    assert f"?comment_on={action.pk}#new-comment" in html
    html = client.get(plan.get_absolute_url(), {"comment_on": action.pk}).content.decode()
    assert f'<option value="{action.pk}" selected>' in html
