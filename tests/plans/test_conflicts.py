"""No lost edits: a save based on an old version is refused (409), the editor's text kept."""

import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from partnership.models import Action, ActionPlan
from partnership.plans import services
from tests.plans.helpers import edit_post

pytestmark = pytest.mark.django_db


def test_it_refuses_the_second_of_two_saves_from_the_same_version(client, plan, member, lead):
    form_of_member = edit_post(plan, introduction="Uvod, kot ga je napisal član.")
    form_of_lead = edit_post(plan, introduction="Uvod, kot ga je napisala vodja.")
    client.force_login(member)
    assert client.post(reverse("partnership:plan_edit", args=[plan.pk]), form_of_member).status_code == 302
    client.force_login(lead)
    response = client.post(reverse("partnership:plan_edit", args=[plan.pk]), form_of_lead)
    html = response.content.decode()
    assert response.status_code == 409
    assert "Ni shranjeno" in html
    assert "Uvod, kot ga je napisala vodja." in html  # their own text, kept in the form
    assert "Uvod, kot ga je napisal član." in html  # the other person's saved version, shown
    assert 'name="version" value="2"' in html  # a deliberate second save may now go through
    plan.refresh_from_db()
    assert plan.introduction == "Uvod, kot ga je napisal član."
    assert plan.revisions.count() == 2


def test_it_keeps_the_refused_actions_text_in_the_form(client, plan, member, lead):
    action = plan.actions.first()
    stale = edit_post(plan)
    client.force_login(member)
    client.post(reverse("partnership:plan_edit", args=[plan.pk]), edit_post(plan, title="Novo"))
    client.force_login(lead)
    index = next(k for k, v in stale.items() if v == str(action.pk)).split("-")[1]
    stale[f"actions-{index}-proposed_action"] = "Moje besedilo ukrepa, ki se ne sme izgubiti"
    response = client.post(reverse("partnership:plan_edit", args=[plan.pk]), stale)
    assert response.status_code == 409
    assert "Moje besedilo ukrepa, ki se ne sme izgubiti" in response.content.decode()
    assert not Action.objects.filter(proposed_action__startswith="Moje besedilo").exists()


def test_it_refuses_a_stale_single_action_save(plan, member):
    action = plan.actions.first()
    services.save_action(user=member, action=action, expected_version=1, proposed_action="Prva sprememba")
    with pytest.raises(services.EditConflict):
        services.save_action(user=member, action=action, expected_version=1, proposed_action="Druga sprememba")
    action.refresh_from_db()
    assert action.proposed_action == "Prva sprememba"


def test_it_refuses_a_plan_save_after_someone_changed_one_action(plan, member):
    services.save_action(user=member, action=plan.actions.first(), expected_version=1, proposed_action="Spremenjeno")
    with pytest.raises(services.EditConflict):
        services.save_plan(
            user=member, plan=plan, expected_version=1, title="x", introduction="", stage=plan.stage, language="sl"
        )


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions")
def test_it_loses_no_edit_under_truly_concurrent_saves():
    from tests.plans.factories import ActionPlanFactory, user_in

    plan = ActionPlanFactory()
    editors = [user_in(plan.subgroup) for _ in range(12)]
    rounds = 4
    outcomes = []  # (text, "stored" | "refused", revision number or None, expected version)
    lock = threading.Lock()
    barrier = threading.Barrier(len(editors))

    def edit(index, user):
        try:
            for round_number in range(rounds):
                current = ActionPlan.objects.get(pk=plan.pk)
                expected = current.version
                text = f"editor {index} round {round_number}"
                barrier.wait(timeout=30)
                try:
                    revision = services.save_plan(
                        user=user,
                        plan=current,
                        expected_version=expected,
                        title=current.title,
                        introduction=text,
                        stage=current.stage,
                        language=current.language,
                        message=text,
                    )
                except services.EditConflict:
                    result = (text, "refused", None, expected)
                else:
                    result = (text, "stored", revision.number, expected)
                with lock:
                    outcomes.append(result)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=edit, args=(i, user)) for i, user in enumerate(editors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert len(outcomes) == len(editors) * rounds
    stored = [o for o in outcomes if o[1] == "stored"]
    refused = [o for o in outcomes if o[1] == "refused"]
    assert stored and refused  # they really did collide
    revisions = {r.number: r for r in ActionPlan.objects.get(pk=plan.pk).revisions.all()}
    assert sorted(revisions) == list(range(1, len(stored) + 2))  # one revision per stored save, no gaps
    for text, _status, number, expected in stored:
        assert number == expected + 1  # each stored save was based on the version just before it
        assert revisions[number].snapshot["introduction"] == text
        assert revisions[number].message == text
    stored_texts = {o[0] for o in stored}
    for text, *_ in refused:
        assert not any(r.message == text for r in revisions.values())
    assert len(stored_texts) == len(stored)
    assert ActionPlan.objects.get(pk=plan.pk).version == len(stored) + 1


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent transactions")
def test_it_answers_simultaneous_page_saves_with_one_success_and_conflicts():
    from django.test import Client

    from tests.plans.factories import ActionPlanFactory, user_in

    plan = ActionPlanFactory()
    editors = [user_in(plan.subgroup) for _ in range(8)]
    statuses = []
    barrier = threading.Barrier(len(editors))

    def save(index, user):
        try:
            client = Client()
            client.force_login(user)
            data = edit_post(plan, introduction=f"besedilo {index}")
            barrier.wait(timeout=30)
            statuses.append(client.post(reverse("partnership:plan_edit", args=[plan.pk]), data).status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(i, user)) for i, user in enumerate(editors)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert sorted(statuses) == [302] + [409] * (len(editors) - 1)
    plan.refresh_from_db()
    assert plan.version == 2
    assert plan.revisions.get(number=2).snapshot["introduction"] == plan.introduction
