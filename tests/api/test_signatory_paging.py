"""The API's public signatory list: every signatory once through ``next``, the same pages by number."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from declaration.services import confirm_signature, withdraw_signature
from tests.declaration.factories import DeclarationFactory, SignatureFactory

pytestmark = pytest.mark.django_db

LIST = "/api/v1/signatories/"


@pytest.fixture
def listed():
    """31 listed signatories of two declarations, three to an hour, newest first; two never listed."""
    first, second = DeclarationFactory(), DeclarationFactory(slug="druga")
    start = timezone.now() - timedelta(days=10)
    rows = [
        SignatureFactory(
            declaration=first if i % 4 else second, name=f"Oseba {i:03d}", confirmed_at=start + timedelta(hours=i // 3)
        )
        for i in range(31)
    ]
    SignatureFactory(declaration=first, name="Skrita", show_publicly=False)
    SignatureFactory(declaration=first, name="Čaka", status="pending", confirmed_at=None)
    return [s.name for s in sorted(rows, key=lambda s: (s.confirmed_at, s.pk), reverse=True)]


def _walk(api, url):
    names, pages = [], []
    while url:
        body = api.get(url).json()
        pages.append(body)
        names += [row["name"] for row in body["results"]]
        url = body["next"]
    return names, pages


def test_following_next_shows_every_listed_signatory_once_in_order(api, listed):
    names, pages = _walk(api, f"{LIST}?page_size=4")
    assert names == listed
    assert len(pages) == 8 and all(page["count"] == 31 for page in pages)
    assert pages[0]["previous"] is None and pages[-1]["next"] is None


def test_following_previous_walks_back_through_the_same_pages(api, listed):
    _names, forward = _walk(api, f"{LIST}?page_size=5")
    backward, url = [], forward[-1]["previous"]
    while url:
        body = api.get(url).json()
        backward.append([row["name"] for row in body["results"]])
        url = body["previous"]
    assert backward[::-1] == [[row["name"] for row in page["results"]] for page in forward[:-1]]


@pytest.mark.parametrize("number", range(1, 8))
def test_a_page_by_number_holds_the_same_rows_as_by_links(api, listed, number):
    body = api.get(LIST, {"page": number, "page_size": 5}).json()
    assert [row["name"] for row in body["results"]] == listed[(number - 1) * 5 : number * 5]
    assert body["count"] == 31


def test_a_page_past_the_end_or_a_damaged_position_is_an_error_naming_it(api, listed):
    response = api.get(LIST, {"page": 99})
    assert response.status_code == 404 and response.json()["errors"][0]["field"] == "page"
    response = api.get(LIST, {"page": 2, "after": "x.1"})
    assert response.status_code == 400 and response.json()["errors"][0]["field"] == "after"


def test_filters_search_and_another_order_still_page_and_count_exactly(api, listed):
    names, pages = _walk(api, f"{LIST}?declaration=druga&page_size=3")
    assert pages[0]["count"] == 8 == len(names)
    assert api.get(LIST, {"search": "oseba 001"}).json()["count"] == 1
    names, _pages = _walk(api, f"{LIST}?ordering=name&page_size=6")
    assert names == sorted(listed)


def test_the_count_follows_confirmation_and_withdrawal(
    api, declaration, consent_text, django_capture_on_commit_callbacks
):
    SignatureFactory(declaration=declaration)
    pending = SignatureFactory(declaration=declaration, status="pending", confirmed_at=None)
    assert api.get(LIST).json()["count"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        confirm_signature(signature=pending)
    assert api.get(LIST).json()["count"] == 2
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_signature(signature=pending)
    assert api.get(LIST).json()["count"] == 1


def test_a_deep_page_by_its_link_costs_the_queries_of_the_first(api, listed):
    _names, pages = _walk(api, f"{LIST}?page_size=3")
    counts = []
    for url in [LIST + "?page_size=3", pages[-2]["next"]]:
        with CaptureQueriesContext(connection) as captured:
            assert api.get(url).status_code == 200
        counts.append(len(captured))
    assert counts[0] == counts[1]
