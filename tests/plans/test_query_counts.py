"""The overview, plan page and history do not grow in queries with their rows."""

import pytest
from django.urls import reverse

from partnership.models import ActionPlan, PlanRevision
from partnership.plans import services
from tests.factories import OrganisationFactory
from tests.plans.factories import ActionFactory, ActionPlanFactory

pytestmark = pytest.mark.django_db


def _many_revisions(plan, count):
    snapshot = services.snapshot_of(plan)
    PlanRevision.objects.bulk_create(
        PlanRevision(plan=plan, number=n, snapshot=snapshot, message=f"r{n}") for n in range(2, count + 1)
    )
    ActionPlan.objects.filter(pk=plan.pk).update(version=count)


@pytest.mark.parametrize("plans", [2, 12])
def test_it_lists_plans_in_a_fixed_number_of_queries(client, secretariat_user, plans, django_assert_num_queries):
    for _ in range(plans):
        ActionFactory(plan=ActionPlanFactory())
    client.force_login(secretariat_user)
    # session, user, secretariat group; plans; subgroups for "new plan" links
    with django_assert_num_queries(5):
        response = client.get(reverse("partnership:plan_list"))
    assert response.content.decode().count("/akcijski-nacrti/") >= plans


@pytest.mark.parametrize("revisions", [3, 200])
def test_it_shows_the_history_in_a_fixed_number_of_queries(client, plan, member, revisions, django_assert_num_queries):
    _many_revisions(plan, revisions)
    client.force_login(member)
    # session, user, plan, memberships, secretariat group, count, one page of revisions
    with django_assert_num_queries(7):
        response = client.get(reverse("partnership:plan_history", args=[plan.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("actions", [2, 30])
def test_it_shows_a_plan_in_a_fixed_number_of_queries(client, plan, member, actions, django_assert_num_queries):
    partner = OrganisationFactory()
    for _ in range(actions - 2):
        ActionFactory(plan=plan).responsible_partners.add(partner)
    services.add_comment(user=member, plan=plan, body="Pripomba")
    client.force_login(member)
    # session, user, plan, memberships, secretariat group, actions, partners, comments, replies
    with django_assert_num_queries(9):
        response = client.get(plan.get_absolute_url())
    assert response.status_code == 200


def test_it_never_loads_snapshots_for_the_history(client, plan, member):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _many_revisions(plan, 60)
    client.force_login(member)
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("partnership:plan_history", args=[plan.pk]))
    revision_selects = [q["sql"] for q in queries if 'FROM "partnership_planrevision"' in q["sql"]]
    assert revision_selects
    assert not any('"snapshot"' in sql for sql in revision_selects)
