"""History, comparison of any two revisions and restore (itself a new revision)."""

import pytest
from django.urls import reverse

from partnership.plans import services
from partnership.plans.diff import compare_snapshots
from tests.plans.helpers import edit_post

pytestmark = pytest.mark.django_db


def _save(client, plan, **changes):
    plan.refresh_from_db()
    response = client.post(reverse("partnership:plan_edit", args=[plan.pk]), edit_post(plan, **changes))
    assert response.status_code == 302
    plan.refresh_from_db()


def test_it_lists_the_history_newest_first_with_authors_and_reasons(client, plan, member):
    client.force_login(member)
    _save(client, plan, introduction="Drugi uvod", message="Popravil uvod")
    html = client.get(reverse("partnership:plan_history", args=[plan.pk])).content.decode()
    assert html.index("Popravil uvod") < html.index(reverse("partnership:plan_revision", args=[plan.pk, 1]))
    assert member.person.name in html


def test_it_compares_two_revisions_inline_and_side_by_side(client, plan, member):
    client.force_login(member)
    first, second = plan.actions.order_by("order")
    rows = [
        {
            "action_id": first.pk,
            "pillar": "regulation",
            "proposed_action": "Javna naročila za inovacije",
            "ORDER": 1,
            "status": "proposed",
        },
        {
            "action_id": second.pk,
            "pillar": "funding",
            "proposed_action": second.proposed_action,
            "ORDER": 2,
            "status": "proposed",
            "DELETE": True,
        },
        {"pillar": "knowledge", "proposed_action": "Okvir za primerjalno analizo", "ORDER": 3, "status": "proposed"},
    ]
    _save(client, plan, introduction="Uvod v načrt: čakanje, šumniki in ježi.", actions=rows)
    url = reverse("partnership:plan_compare", args=[plan.pk])
    inline = client.get(url, {"a": 1, "b": 2, "mode": "inline"}).content.decode()
    assert "<del>žabe.</del>" in inline and "<ins>ježi.</ins>" in inline
    assert "Okvir za primerjalno analizo" in inline  # added
    assert "Večletni finančni okvir" in inline  # removed
    assert "<del>sodelovalne </del>" in inline  # changed word by word
    side = client.get(url, {"a": 2, "b": 1, "mode": "side"}).content.decode()
    assert 'class="diff-side"' in side
    assert "<del>žabe.</del>" in side  # the order of a and b does not matter


def test_it_refuses_to_compare_revisions_that_do_not_exist(client, plan, member):
    client.force_login(member)
    response = client.get(reverse("partnership:plan_compare", args=[plan.pk]), {"a": 1, "b": 99})
    assert response.status_code == 404
    assert client.get(reverse("partnership:plan_compare", args=[plan.pk]), {"a": "x"}).status_code == 400


def test_it_restores_an_older_revision_as_a_new_one(client, plan, member):
    client.force_login(member)
    original_actions = sorted(plan.actions.values_list("proposed_action", flat=True))
    _save(client, plan, introduction="Pokvarjen uvod", actions=[])
    plan.actions.all().delete()
    _save(client, plan, title="Pokvarjen naslov")
    response = client.post(reverse("partnership:plan_restore", args=[plan.pk, 1]), {"version": plan.version})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.introduction == "Uvod v načrt: čakanje, šumniki in žabe."
    assert plan.title != "Pokvarjen naslov"
    assert sorted(plan.actions.values_list("proposed_action", flat=True)) == original_actions
    latest = plan.revisions.first()
    assert (latest.number, latest.kind) == (4, "restored")
    assert plan.revisions.count() == 4


def test_it_restores_nothing_over_a_newer_save(client, plan, member):
    client.force_login(member)
    _save(client, plan, introduction="Novejše")
    response = client.post(reverse("partnership:plan_restore", args=[plan.pk, 1]), {"version": 1})
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.introduction == "Novejše"


def test_it_reports_no_difference_between_equal_snapshots(plan):
    snapshot = services.snapshot_of(plan)
    assert compare_snapshots(snapshot, snapshot) == {"fields": [], "actions": [], "reordered": False}


def test_it_escapes_markup_in_a_diff():
    diff = compare_snapshots({"introduction": "a"}, {"introduction": "<script>alert(1)</script>"})
    html = "".join(str(line) for _tag, line in diff["fields"][0].inline)
    assert "<script>" not in html and "&lt;script&gt;" in html
