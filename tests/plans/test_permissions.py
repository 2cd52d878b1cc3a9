"""Who may see and change a plan, asked from the pages (the API asks the same predicates)."""

import pytest
from django.urls import reverse

from partnership import permissions
from partnership.models import ActionPlan

pytestmark = pytest.mark.django_db


def _persona(request, name):
    return None if name == "anonymous" else request.getfixturevalue(name)


def _edit_post(plan, **overrides):
    data = {
        "version": plan.version,
        "title": "Spremenjen naslov",
        "stage": plan.stage,
        "language": plan.language,
        "introduction": plan.introduction,
        "message": "",
        "actions-TOTAL_FORMS": "0",
        "actions-INITIAL_FORMS": "0",
        "actions-MIN_NUM_FORMS": "0",
        "actions-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "persona, sees_draft",
    [
        ("anonymous", False),
        ("outsider", False),
        ("other_member", False),
        ("member", True),
        ("lead", True),
        ("secretariat_user", True),
    ],
)
def test_it_shows_a_draft_only_to_its_subgroup_and_the_secretariat(request, client, plan, persona, sees_draft):
    user = _persona(request, persona)
    if user:
        client.force_login(user)
    response = client.get(reverse("partnership:plan_detail", args=[plan.pk]))
    assert response.status_code == (200 if sees_draft else 404)
    listing = client.get(reverse("partnership:plan_list")).content.decode()
    assert (plan.title in listing) is sees_draft


@pytest.mark.parametrize("persona", ["anonymous", "outsider", "other_member"])
def test_it_shows_a_published_plan_to_everyone_in_both_languages(request, client, plan, persona):
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.PUBLISHED)
    user = _persona(request, persona)
    if user:
        client.force_login(user)
    for language, heading in (("sl", "Akcijski načrti"), ("en", "Action plans")):
        response = client.get(f"/{language}/partnerstvo/akcijski-nacrti/{plan.pk}/")
        assert response.status_code == 200
        assert plan.title in response.content.decode()
        assert heading in response.content.decode()


@pytest.mark.parametrize(
    "persona, may_edit",
    [("outsider", False), ("other_member", False), ("member", True), ("lead", True), ("secretariat_user", True)],
)
def test_it_lets_only_members_and_the_secretariat_save_a_draft(request, client, plan, persona, may_edit):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("partnership:plan_edit", args=[plan.pk])
    response = client.post(url, _edit_post(plan))
    plan.refresh_from_db()
    if may_edit:
        assert response.status_code == 302
        assert plan.title == "Spremenjen naslov"
        assert plan.version == 2
    else:
        assert response.status_code in (403, 404)
        assert plan.title != "Spremenjen naslov"
        assert plan.version == 1


def test_it_refuses_to_edit_a_plan_in_review_even_for_a_member(client, plan, member):
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.IN_REVIEW)
    client.force_login(member)
    plan.refresh_from_db()
    assert client.get(reverse("partnership:plan_edit", args=[plan.pk])).status_code == 403
    assert client.post(reverse("partnership:plan_edit", args=[plan.pk]), _edit_post(plan)).status_code == 403


@pytest.mark.parametrize(
    "persona, may_submit", [("member", False), ("lead", True), ("other_member", False), ("secretariat_user", True)]
)
def test_it_lets_leads_submit_a_draft_for_review(request, client, plan, persona, may_submit):
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("partnership:plan_submit", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == (ActionPlan.Status.IN_REVIEW if may_submit else ActionPlan.Status.DRAFT)
    assert response.status_code == (302 if may_submit else 403 if persona == "member" else 404)


@pytest.mark.parametrize("persona", ["member", "lead"])
def test_it_keeps_approval_and_publication_to_the_secretariat(request, client, plan, persona):
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.IN_REVIEW)
    client.force_login(request.getfixturevalue(persona))
    assert client.post(reverse("partnership:plan_approve", args=[plan.pk])).status_code == 403
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.APPROVED)
    assert client.post(reverse("partnership:plan_publish", args=[plan.pk])).status_code == 403
    assert client.post(reverse("partnership:plan_send_back", args=[plan.pk]), {"reason": "x"}).status_code == 403
    plan.refresh_from_db()
    assert plan.status == ActionPlan.Status.APPROVED


@pytest.mark.parametrize(
    "persona, may_comment",
    [("outsider", False), ("other_member", False), ("member", True), ("lead", True), ("secretariat_user", True)],
)
def test_it_lets_only_members_and_the_secretariat_comment(request, client, plan, persona, may_comment):
    ActionPlan.objects.filter(pk=plan.pk).update(status=ActionPlan.Status.PUBLISHED)
    client.force_login(request.getfixturevalue(persona))
    response = client.post(reverse("partnership:plan_comment_add", args=[plan.pk]), {"body": "Pripomba"})
    assert response.status_code == (302 if may_comment else 403)
    assert plan.comments.count() == (1 if may_comment else 0)
    history = client.get(reverse("partnership:plan_history", args=[plan.pk]))
    assert history.status_code == (200 if may_comment else 403)


def test_it_asks_the_same_predicates_the_pages_use(plan, member, lead, other_member, secretariat_user):
    assert permissions.can_edit_plan(member, plan)
    assert not permissions.can_edit_plan(other_member, plan)
    assert not permissions.can_submit_plan(member, plan)
    assert permissions.can_submit_plan(lead, plan)
    assert not permissions.can_publish(secretariat_user, plan)
    assert set(ActionPlan.objects.visible_to(other_member)) == set()
    assert list(ActionPlan.objects.visible_to(member)) == [plan]


def test_it_lists_a_subgroups_published_plans_on_the_subgroup_page(client, plan):
    draft_title = plan.title
    published = ActionPlan.objects.create(subgroup=plan.subgroup, title="Objavljeni načrt", status="published")
    html = client.get(plan.subgroup.get_absolute_url()).content.decode()
    assert published.get_absolute_url() in html
    assert draft_title not in html


def test_it_filters_the_overview_by_status(client, plan, secretariat_user):
    published = ActionPlan.objects.create(subgroup=plan.subgroup, title="Objavljeni načrt", status="published")
    client.force_login(secretariat_user)
    html = client.get(reverse("partnership:plan_list"), {"status": "published"}).content.decode()
    assert published.title in html
    assert plan.title not in html
    html = client.get(reverse("partnership:plan_list"), {"status": "nonsense"}).content.decode()
    assert published.title in html and plan.title in html
