"""Every anonymous list and detail answer holds exactly the fields on its allow-list, and no e-mail."""

import importlib

import pytest

from tests.api.allow_lists import ALLOW_LISTS, violations
from tests.api.populate import personal_emails, populate

pytestmark = pytest.mark.django_db

ROUTER_MODULES = ["coalition.api.urls", "partnership.api.urls", "declaration.api.urls"]


def public_routes():
    routes = []
    for module_name in ROUTER_MODULES:
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError:
            continue
        for prefix, viewset, basename in module.router.registry:
            if hasattr(viewset, "list"):
                routes.append((prefix, viewset, basename))
    return routes


def test_it_has_an_allow_list_for_every_public_list():
    basenames = {basename for _prefix, _viewset, basename in public_routes()}
    assert basenames, "no routes found"
    assert basenames - set(ALLOW_LISTS) == set()


@pytest.mark.parametrize("route", public_routes(), ids=lambda route: route[0])
def test_it_shows_anonymous_clients_only_the_allow_listed_fields(api, route):
    prefix, viewset, basename = route
    populate(size=2)
    allowed = ALLOW_LISTS[basename]
    listing = api.get(f"/api/v1/{prefix}/")
    assert listing.status_code == 200
    results = listing.json()["results"]
    assert results, f"{prefix}: nothing to check, the fixture data shows nothing"
    assert violations(results, allowed) == []
    for email in personal_emails():
        assert email not in listing.content.decode()
    if not hasattr(viewset, "retrieve"):
        return
    lookup = getattr(viewset, "lookup_field", "pk")
    key = results[0]["id"] if lookup == "pk" else results[0][lookup]
    detail = api.get(f"/api/v1/{prefix}/{key}/")
    assert detail.status_code == 200
    assert violations(detail.json(), allowed) == []
    for email in personal_emails():
        assert email not in detail.content.decode()


def test_the_checker_itself_catches_an_extra_or_nested_field():
    allowed = {"id": None, "organisation": {"slug": None}}
    assert violations({"id": 1, "organisation": {"slug": "x"}}, allowed) == []
    assert violations({"id": 1, "email": "a@b", "organisation": {"slug": "x"}}, allowed) == [
        "$.email is not on the allow-list"
    ]
    assert violations({"id": 1, "organisation": {"slug": "x", "notes": "n"}}, allowed) == [
        "$.organisation.notes is not on the allow-list"
    ]
