"""Every list of /api/v1/ answers in the same number of queries with few rows and with many.

tests/api/test_query_counts.py pins the anonymous lists of the coalition, partnership and
declaration routers and a member's plans; here: the benchmarking router, every list for a
signed-in client (a token: never served from the page cache), the lists of the secretariat and
the revisions of a plan. A test below fails for any list route of ``coalition.api_urls.API_APPS``
that has no budget at all, so a new router or list is caught.
"""

import importlib

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from coalition.api_urls import API_APPS
from tests.api.populate import populate
from tests.api.test_allow_lists import ROUTER_MODULES, public_routes
from tests.query_budget import assert_flat_queries

pytestmark = pytest.mark.django_db


def _all_list_routes():
    routes = []
    for module_name in API_APPS:
        for prefix, viewset, basename in importlib.import_module(module_name).router.registry:
            if hasattr(viewset, "list"):
                routes.append((module_name, prefix, basename))
    return routes


BENCHMARK_LISTS = {"benchmark/frameworks", "benchmark/results"}


def _count(response):
    return response.json()["count"]


def _token_client(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_every_list_route_has_a_query_budget():
    covered = {prefix for prefix, _viewset, _basename in public_routes()} | BENCHMARK_LISTS
    routes = _all_list_routes()
    assert routes
    assert {prefix for _module, prefix, _basename in routes} - covered == set()
    assert {module for module, _prefix, _basename in routes} - {*ROUTER_MODULES, "benchmarking.api.urls"} == set()


@pytest.mark.parametrize("route", public_routes(), ids=lambda route: route[0])
def test_each_list_for_the_secretariat(route, secretariat_user):
    """Signed in with a token (the rendered path), as the role that may see most."""
    client = _token_client(secretariat_user)
    assert_flat_queries(populate, lambda: client.get(f"/api/v1/{route[0]}/"), _count)


@pytest.mark.parametrize("route", public_routes(), ids=lambda route: route[0])
def test_each_list_for_a_signed_in_member(route):
    from tests.plans.factories import SubgroupFactory, user_in

    client = _token_client(user_in(SubgroupFactory()))
    assert_flat_queries(populate, lambda: client.get(f"/api/v1/{route[0]}/"), _count)


def test_the_secretariat_s_plans_including_every_draft(secretariat_user):
    from tests.factories import OrganisationFactory
    from tests.plans.factories import ActionFactory, ActionPlanFactory

    def grow(n):
        for _ in range(n):
            ActionFactory(plan=ActionPlanFactory()).responsible_partners.add(OrganisationFactory())

    client = _token_client(secretariat_user)
    assert_flat_queries(grow, lambda: client.get("/api/v1/action-plans/"), _count)


def test_the_revisions_of_a_plan_for_a_member():
    from partnership.plans import services
    from tests.plans.factories import ActionFactory, ActionPlanFactory, user_in

    plan = ActionPlanFactory()
    member = user_in(plan.subgroup)
    ActionFactory(plan=plan)

    def grow(n):
        for _ in range(n):
            author = user_in(plan.subgroup)
            services._record_revision(plan=plan, number=plan.version + 1, user=author, kind="saved")
            plan.version += 1
            plan.save(update_fields=["version"])

    client = _token_client(member)
    assert_flat_queries(grow, lambda: client.get(f"/api/v1/action-plans/{plan.pk}/revisions/"), _count)


# --- benchmarking (anonymous: these lists are not page-cached, nothing to clear) ------------------


@pytest.fixture
def framework(db):
    from tests.benchmarking.factories import seeded_framework

    return seeded_framework()


def test_the_published_frameworks(client, framework):
    from benchmarking import services

    def grow(n):
        for _ in range(n):
            draft = services.copy_framework(framework=framework)
            services.publish_framework(framework=draft)

    assert_flat_queries(grow, lambda: client.get("/api/v1/benchmark/frameworks/"), _count)


def test_the_submitted_results(client, framework):
    from tests.benchmarking.factories import full_answers, submit
    from tests.factories import MunicipalityFactory

    def grow(n):
        for index in range(n):
            submit(MunicipalityFactory(), framework, full_answers(framework, index / n), year=2025)

    assert_flat_queries(grow, lambda: client.get("/api/v1/benchmark/results/"), _count)
