"""Editing a plan and its actions: every save a revision, actions added, changed, reordered, removed."""

import pytest
from django.urls import reverse

from partnership.models import Action
from tests.factories import OrganisationFactory
from tests.plans.helpers import edit_post

pytestmark = pytest.mark.django_db


def _actions(plan):
    return list(plan.actions.order_by("order", "id").values_list("proposed_action", flat=True))


def test_it_shows_the_edit_form_with_the_plans_actions(client, plan, member):
    client.force_login(member)
    response = client.get(reverse("partnership:plan_edit", args=[plan.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Javna naročila za sodelovalne inovacije" in html
    assert 'name="version" value="1"' in html
    assert 'name="actions-TOTAL_FORMS" value="3"' in html  # two actions and a blank one


def test_it_records_who_saved_and_why_as_a_new_revision(client, plan, member):
    client.force_login(member)
    response = client.post(
        reverse("partnership:plan_edit", args=[plan.pk]), edit_post(plan, introduction="Nov uvod", message="Dopolnil")
    )
    assert response.status_code == 302
    revision = plan.revisions.first()
    assert (revision.number, revision.author, revision.message) == (2, member, "Dopolnil")
    assert revision.snapshot["introduction"] == "Nov uvod"


def test_it_adds_reorders_changes_and_removes_actions(client, plan, member):
    partner = OrganisationFactory(name="Občina Idrija")
    first, second = plan.actions.order_by("order")
    client.force_login(member)
    rows = [
        {
            "action_id": first.pk,
            "pillar": "regulation",
            "proposed_action": first.proposed_action,
            "ORDER": 2,
            "status": "proposed",
        },
        {
            "action_id": second.pk,
            "pillar": "funding",
            "proposed_action": "Spremenjeno",
            "ORDER": 1,
            "status": "in_progress",
            "responsible_partners": [partner.pk],
            "deadline": "2018-01-31",
        },
        {
            "pillar": "knowledge",
            "proposed_action": "Nov ukrep: izmenjava dobrih praks",
            "ORDER": 3,
            "status": "proposed",
        },
    ]
    response = client.post(reverse("partnership:plan_edit", args=[plan.pk]), edit_post(plan, actions=rows))
    assert response.status_code == 302
    assert _actions(plan) == ["Spremenjeno", first.proposed_action, "Nov ukrep: izmenjava dobrih praks"]
    changed = Action.objects.get(pk=second.pk)
    assert list(changed.responsible_partners.all()) == [partner]
    assert changed.status == "in_progress" and changed.version == 2
    plan.refresh_from_db()
    rows = [{**rows[0], "DELETE": True}]
    client.post(reverse("partnership:plan_edit", args=[plan.pk]), edit_post(plan, actions=rows))
    assert first.proposed_action not in _actions(plan)
    assert len(_actions(plan)) == 2


def test_it_refuses_bad_input_naming_the_field_and_changes_nothing(client, plan, member):
    client.force_login(member)
    rows = [{"pillar": "nonsense", "proposed_action": "", "status": "proposed"}]
    response = client.post(reverse("partnership:plan_edit", args=[plan.pk]), edit_post(plan, title="", actions=rows))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Naslov:" in html
    assert "Predlagani ukrep:" in html
    assert 'aria-invalid="true"' in html
    plan.refresh_from_db()
    assert plan.version == 1 and plan.revisions.count() == 1


def test_it_ignores_the_blank_new_action_form(client, plan, member):
    client.force_login(member)
    blank = [{"status": "proposed"}]
    response = client.post(reverse("partnership:plan_edit", args=[plan.pk]), edit_post(plan, extra=blank))
    assert response.status_code == 302
    assert plan.actions.count() == 2


def test_it_lets_a_member_start_a_new_plan_for_their_subgroup(client, plan, member):
    client.force_login(member)
    url = reverse("partnership:plan_create", args=[plan.subgroup.slug])
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "Končni akcijski načrt eUprave", "stage": "final", "language": "sl"})
    new = plan.subgroup.action_plans.get(title="Končni akcijski načrt eUprave")
    assert response.status_code == 302
    assert response["Location"] == reverse("partnership:plan_edit", args=[new.pk])
    assert (new.version, new.revisions.get().author) == (1, member)


def test_it_refuses_to_start_a_plan_for_someone_elses_subgroup(client, plan, other_member):
    client.force_login(other_member)
    response = client.post(
        reverse("partnership:plan_create", args=[plan.subgroup.slug]),
        {"title": "x", "stage": "final", "language": "sl"},
    )
    assert response.status_code == 403
    assert plan.subgroup.action_plans.count() == 1


def test_it_names_the_missing_title_when_starting_a_plan(client, plan, member):
    client.force_login(member)
    response = client.post(
        reverse("partnership:plan_create", args=[plan.subgroup.slug]), {"title": "", "stage": "final", "language": "sl"}
    )
    assert response.status_code == 400
    assert "Naslov:" in response.content.decode()
