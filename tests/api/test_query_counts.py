"""Every list answers in the same number of queries whatever its length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token

from tests.api.populate import populate
from tests.api.test_allow_lists import public_routes

pytestmark = pytest.mark.django_db


def _queries(api, url):
    with CaptureQueriesContext(connection) as captured:
        response = api.get(url)
    assert response.status_code == 200
    return len(captured), response


@pytest.mark.parametrize("route", public_routes(), ids=lambda route: route[0])
def test_it_lists_in_a_constant_number_of_queries(api, route, django_assert_num_queries):
    prefix = route[0]
    populate(size=2)
    small, response = _queries(api, f"/api/v1/{prefix}/")
    small_count = response.json()["count"]
    assert small_count >= 1
    populate(size=10)
    with django_assert_num_queries(small):
        response = api.get(f"/api/v1/{prefix}/")
    assert response.json()["count"] > small_count


CSV_LISTS = ["organisations", "municipalities", "action-plans", "signatories"]


@pytest.mark.parametrize("prefix", CSV_LISTS)
def test_it_exports_csv_in_a_constant_number_of_queries(api, prefix, django_assert_num_queries):
    populate(size=2)
    small, response = _queries(api, f"/api/v1/{prefix}/?format=csv")
    small_rows = response.content.count(b"\n")
    populate(size=10)
    with django_assert_num_queries(small):
        response = api.get(f"/api/v1/{prefix}/?format=csv")
    assert response.content.count(b"\n") > small_rows


def test_it_lists_a_members_plans_including_drafts_in_a_constant_number_of_queries(api, django_assert_num_queries):
    from tests.plans.factories import ActionFactory, ActionPlanFactory, SubgroupFactory, user_in

    subgroup = SubgroupFactory()
    member = user_in(subgroup)
    # A token, so each request loads its user afresh (as in production), with nothing cached on it.
    api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=member).key}")

    def add_plans(count):
        for _index in range(count):
            ActionFactory(plan=ActionPlanFactory(subgroup=subgroup))

    add_plans(2)
    small, response = _queries(api, "/api/v1/action-plans/")
    assert response.json()["count"] == 2
    add_plans(8)
    with django_assert_num_queries(small):
        response = api.get("/api/v1/action-plans/")
    assert response.json()["count"] == 10
