"""Action plans over the API: the pages' visibility and permissions, enforced through the same services."""

import csv
import io

import pytest
from django.utils import translation
from rest_framework.authtoken.models import Token

from partnership.models import ActionPlan, Membership
from tests.factories import OrganisationFactory, SecretariatUserFactory
from tests.plans.factories import ActionFactory, ActionPlanFactory, SubgroupFactory, user_in

pytestmark = pytest.mark.django_db


def token_for(user):
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.create(user=user).key}"}


@pytest.fixture
def plans():
    subgroup = SubgroupFactory(slug="pametna-mesta")
    published = ActionPlanFactory(subgroup=subgroup, status=ActionPlan.Status.PUBLISHED, title="Objavljen")
    draft = ActionPlanFactory(subgroup=subgroup, title="Osnutek")
    ActionFactory(plan=published)
    ActionFactory(plan=draft)
    return {"subgroup": subgroup, "published": published, "draft": draft}


def test_it_shows_anonymous_clients_only_published_plans(api, plans):
    body = api.get("/api/v1/action-plans/").json()
    assert [plan["title"] for plan in body["results"]] == ["Objavljen"]
    assert len(body["results"][0]["actions"]) == 1
    assert api.get(f"/api/v1/action-plans/{plans['draft'].pk}/").status_code == 404


def test_it_shows_drafts_to_a_member_by_token(api, plans):
    member = user_in(plans["subgroup"])
    body = api.get("/api/v1/action-plans/", **token_for(member)).json()
    assert {plan["title"] for plan in body["results"]} == {"Objavljen", "Osnutek"}


def test_it_hides_drafts_from_a_member_of_another_subgroup(api, plans):
    outsider = user_in(SubgroupFactory())
    headers = token_for(outsider)
    assert api.get(f"/api/v1/action-plans/{plans['draft'].pk}/", **headers).status_code == 404
    response = api.patch(f"/api/v1/action-plans/{plans['draft'].pk}/", {"version": 1, "title": "Moj"}, **headers)
    assert response.status_code == 404
    assert ActionPlan.objects.get(pk=plans["draft"].pk).title == "Osnutek"


def test_it_forbids_a_member_of_another_subgroup_to_change_a_published_plan(api, plans):
    outsider = user_in(SubgroupFactory())
    plan = plans["published"]
    response = api.patch(
        f"/api/v1/action-plans/{plan.pk}/", {"version": plan.version, "title": "X"}, **token_for(outsider)
    )
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert ActionPlan.objects.get(pk=plan.pk).title == "Objavljen"


def test_it_refuses_anonymous_writes_with_401(api, plans):
    response = api.patch(f"/api/v1/action-plans/{plans['draft'].pk}/", {"version": 1, "title": "X"})
    assert response.status_code == 401
    assert api.post("/api/v1/action-plans/", {"subgroup": "pametna-mesta", "title": "X"}).status_code == 401


def test_it_lets_a_member_edit_a_draft_and_its_actions_by_token(api, plans):
    member = user_in(plans["subgroup"])
    plan = plans["draft"]
    partner = OrganisationFactory()
    response = api.patch(
        f"/api/v1/action-plans/{plan.pk}/",
        {
            "version": plan.version,
            "title": "Nov naslov",
            "message": "popravek",
            "actions": [{"pillar": "funding", "proposed_action": "Nov ukrep", "responsible_partners": [partner.pk]}],
        },
        **token_for(member),
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["title"] == "Nov naslov"
    assert body["version"] == plan.version + 1
    assert "Nov ukrep" in [a["proposed_action"] for a in body["actions"]]
    assert [p["slug"] for a in body["actions"] for p in a["responsible_partners"]] == [partner.slug]
    revisions = api.get(f"/api/v1/action-plans/{plan.pk}/revisions/", **token_for_existing(member)).json()
    assert revisions["results"][0]["message"] == "popravek"


def token_for_existing(user):
    return {"HTTP_AUTHORIZATION": f"Token {Token.objects.get(user=user).key}"}


def test_it_refuses_a_stale_version_with_409_and_the_current_plan(api, plans):
    member = user_in(plans["subgroup"])
    plan = plans["draft"]
    headers = token_for(member)
    first = api.patch(f"/api/v1/action-plans/{plan.pk}/", {"version": plan.version, "title": "Prvi"}, **headers)
    assert first.status_code == 200
    second = api.patch(f"/api/v1/action-plans/{plan.pk}/", {"version": plan.version, "title": "Drugi"}, **headers)
    assert second.status_code == 409
    assert second.json()["errors"][0]["field"] == "version"
    assert second.json()["current"]["title"] == "Prvi"
    assert ActionPlan.objects.get(pk=plan.pk).title == "Prvi"


def test_it_names_the_field_of_a_bad_edit(api, plans):
    member = user_in(plans["subgroup"])
    response = api.patch(
        f"/api/v1/action-plans/{plans['draft'].pk}/",
        {"version": 1, "actions": [{"pillar": "magic", "proposed_action": "x"}]},
        **token_for(member),
    )
    assert response.status_code == 400
    assert [e["field"] for e in response.json()["errors"]] == ["actions.0.pillar"]


def test_it_lets_a_member_start_a_plan_but_not_for_another_subgroup(api, plans):
    member = user_in(plans["subgroup"])
    headers = token_for(member)
    created = api.post("/api/v1/action-plans/", {"subgroup": "pametna-mesta", "title": "Nov načrt"}, **headers)
    assert created.status_code == 201
    assert created.json()["status"] == "draft"
    other = SubgroupFactory(slug="drugo")
    refused = api.post("/api/v1/action-plans/", {"subgroup": other.slug, "title": "Tuj načrt"}, **headers)
    assert refused.status_code == 403
    assert not ActionPlan.objects.filter(title="Tuj načrt").exists()


def test_it_runs_the_review_workflow_through_the_services(api, plans, mailoutbox, django_capture_on_commit_callbacks):
    plan = plans["draft"]
    member = user_in(plans["subgroup"])
    lead = user_in(plans["subgroup"], role=Membership.Role.LEAD)
    secretariat = SecretariatUserFactory()
    assert api.post(f"/api/v1/action-plans/{plan.pk}/submit/", {}, **token_for(member)).status_code == 403
    with django_capture_on_commit_callbacks(execute=True):
        submitted = api.post(f"/api/v1/action-plans/{plan.pk}/submit/", {"message": "pregled"}, **token_for(lead))
    assert submitted.json()["status"] == "in_review"
    headers = token_for(secretariat)
    assert api.post(f"/api/v1/action-plans/{plan.pk}/publish/", {}, **headers).status_code == 403  # not approved yet
    assert api.post(f"/api/v1/action-plans/{plan.pk}/approve/", {}, **headers).json()["status"] == "approved"
    assert api.post(f"/api/v1/action-plans/{plan.pk}/publish/", {}, **headers).json()["status"] == "published"
    assert {p["title"] for p in api.get("/api/v1/action-plans/").json()["results"]} == {"Objavljen", "Osnutek"}


def test_it_asks_for_a_reason_to_send_back(api, plans):
    plan = plans["draft"]
    plan.status = ActionPlan.Status.IN_REVIEW
    plan.save()
    response = api.post(f"/api/v1/action-plans/{plan.pk}/send-back/", {}, **token_for(SecretariatUserFactory()))
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "reason"


def test_it_keeps_the_history_from_anonymous_clients(api, plans):
    response = api.get(f"/api/v1/action-plans/{plans['published'].pk}/revisions/")
    assert response.status_code == 403


def test_it_exports_published_plans_as_csv(api, plans):
    response = api.get("/api/v1/action-plans/", HTTP_ACCEPT="text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [(row["title"], row["action_count"]) for row in rows] == [("Objavljen", "1")]


def test_it_lets_a_member_change_one_action_and_refuses_a_stale_one(api, plans):
    member = user_in(plans["subgroup"])
    plan = plans["draft"]
    action = plan.actions.get()
    headers = token_for(member)
    url = f"/api/v1/action-plans/{plan.pk}/actions/{action.pk}/"
    changed = api.patch(url, {"version": action.version, "status": "done", "message": "končano"}, **headers)
    assert changed.status_code == 200, changed.json()
    assert changed.json()["actions"][0]["status"] == "done"
    stale = api.patch(url, {"version": action.version, "status": "dropped"}, **headers)
    assert stale.status_code == 409
    assert stale.json()["current"]["actions"][0]["status"] == "done"


def test_it_forbids_changing_an_action_of_a_published_plan(api, plans):
    member = user_in(plans["subgroup"])
    plan = plans["published"]
    action = plan.actions.get()
    url = f"/api/v1/action-plans/{plan.pk}/actions/{action.pk}/"
    response = api.patch(url, {"version": action.version, "status": "done"}, **token_for(member))
    assert response.status_code == 403


def test_it_answers_an_action_of_another_plan_with_404(api, plans):
    member = user_in(plans["subgroup"])
    other_action = plans["published"].actions.get()
    url = f"/api/v1/action-plans/{plans['draft'].pk}/actions/{other_action.pk}/"
    assert api.patch(url, {"version": 1, "status": "done"}, **token_for(member)).status_code == 404


def test_it_takes_any_iso_offset_in_a_moment_filter(api, plans):
    response = api.get("/api/v1/action-plans/", {"updated_after": "2000-05-31T04:57:52.547-21:35"})
    assert response.status_code == 200
    assert response.json()["count"] == 1
    response = api.get("/api/v1/action-plans/", {"updated_after": "0001-01-01T00:00:00+14:00"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "updated_after"


# --- the list reads a page's actions as rows; what it shows must not drift from the schema --------


def _plan_with_rich_actions():
    plan = ActionPlanFactory(status=ActionPlan.Status.PUBLISHED)
    first = ActionFactory(
        plan=plan, order=2, pillar="funding", status="in_progress", deadline="2026-06-30", indicators="- ena"
    )
    first.responsible_partners.add(OrganisationFactory(name="Zavod B"), OrganisationFactory(name="Agencija A"))
    ActionFactory(plan=plan, order=1, pillar="knowledge", bottleneck="")
    return plan


def test_it_shows_each_action_exactly_as_the_action_schema_describes_it(api):
    from partnership.api.plans import ActionSerializer, actions_by_plan

    plan = _plan_with_rich_actions()
    with translation.override("en"):
        expected = [ActionSerializer(action).data for action in plan.actions.order_by("order", "id")]
        assert actions_by_plan([plan.pk])[plan.pk] == expected
    assert [partner["name_sl"] for partner in expected[1]["responsible_partners"]] == ["Agencija A", "Zavod B"]
    assert expected[1]["pillar_display"] == "better funding"


def test_it_lists_a_plan_with_the_same_actions_as_its_detail(api):
    plan = _plan_with_rich_actions()
    ActionFactory(plan=ActionPlanFactory(status=ActionPlan.Status.PUBLISHED))  # another plan's action stays there
    listed = api.get("/api/v1/action-plans/", HTTP_ACCEPT_LANGUAGE="en").json()["results"]
    detail = api.get(f"/api/v1/action-plans/{plan.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()
    assert next(item for item in listed if item["id"] == plan.pk) == detail
    assert [action["order"] for action in detail["actions"]] == [1, 2]
    assert detail["actions"][1]["deadline"] == "2026-06-30"
    assert detail["actions"][1]["status_display"] == "in progress"


def test_it_shows_an_edit_at_once_in_the_list_and_the_detail(api, plans):
    member = user_in(plans["subgroup"])
    headers = token_for(member)
    plan = plans["draft"]
    assert api.get("/api/v1/action-plans/", **headers).status_code == 200  # read before the edit
    action = plan.actions.get()
    response = api.patch(
        f"/api/v1/action-plans/{plan.pk}/actions/{action.pk}/",
        {"version": action.version, "proposed_action": "Skupni **katalog** podatkov"},
        **headers,
    )
    assert response.status_code == 200
    listed = api.get("/api/v1/action-plans/", **headers).json()["results"]
    detail = api.get(f"/api/v1/action-plans/{plan.pk}/", **headers).json()
    for shown in (next(item for item in listed if item["id"] == plan.pk), detail):
        assert shown["actions"][0]["proposed_action"] == "Skupni **katalog** podatkov"
