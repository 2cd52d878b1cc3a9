"""The public signatory list paged by position: every signatory reachable once, the count kept right."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from declaration import tally, views
from declaration.models import Signature
from declaration.services import confirm_signature, withdraw_signature
from tests.declaration.factories import SignatureFactory

pytestmark = pytest.mark.django_db

PER_PAGE = 7


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(views, "PAGE_SIZE", PER_PAGE)


def _url():
    with translation.override("sl"):
        return reverse("declaration:signatories")


def _names(body):
    return re.findall(r'<th scope="row">([^<]*)</th>', body)


def _link(body, rel):
    found = re.search(rf'href="\?([^"]*)" rel="{rel}"', body)
    return None if found is None else found.group(1).replace("&amp;", "&")


def _signatories(declaration, count):
    """``count`` listed signatories, several confirmed in the same second, plus some never listed."""
    start = timezone.now() - timedelta(days=30)
    listed = [
        SignatureFactory(declaration=declaration, name=f"Oseba {i:03d}", confirmed_at=start + timedelta(hours=i // 3))
        for i in range(count)
    ]
    SignatureFactory(declaration=declaration, name="Skrita Oseba", show_publicly=False)
    SignatureFactory(declaration=declaration, name="Čaka Oseba", status="pending", confirmed_at=None)
    return listed


def _newest_first(signatures):
    return [s.name for s in sorted(signatures, key=lambda s: (s.confirmed_at, s.pk), reverse=True)]


def test_following_next_links_shows_every_public_signatory_exactly_once_in_order(client, declaration, small_pages):
    listed = _signatories(declaration, 45)
    seen, pages, query = [], 0, ""
    while query is not None:
        body = client.get(f"{_url()}?{query}").content.decode()
        pages += 1
        seen += _names(body)
        query = _link(body, "next")
    assert seen == _newest_first(listed)
    assert pages == 7  # 45 rows, 7 a page
    assert "Skrita Oseba" not in seen and "Čaka Oseba" not in seen


def test_previous_links_walk_back_through_the_same_pages(client, declaration, small_pages):
    _signatories(declaration, 30)
    forward, query = [], ""
    while query is not None:
        body = client.get(f"{_url()}?{query}").content.decode()
        forward.append(_names(body))
        query = _link(body, "next")
    backward, query = [], _link(body, "prev")
    while query is not None:
        body = client.get(f"{_url()}?{query}").content.decode()
        backward.append(_names(body))
        query = _link(body, "prev")
    assert backward[::-1] == forward[:-1]


@pytest.mark.parametrize("number", [1, 2, 3, 4, 5, 6, 7])
def test_a_page_by_number_shows_the_same_people_as_the_page_reached_by_links(client, declaration, small_pages, number):
    listed = _newest_first(_signatories(declaration, 45))
    body = client.get(_url(), {"page": number}).content.decode()
    assert _names(body) == listed[(number - 1) * PER_PAGE : number * PER_PAGE]
    assert f"Stran {number} od 7" in body


def test_a_deep_page_reached_by_links_names_its_number_and_offers_first_and_last(client, declaration, small_pages):
    listed = _newest_first(_signatories(declaration, 45))
    query = ""
    for _page in range(4):
        body = client.get(f"{_url()}?{query}").content.decode()
        query = _link(body, "next")
    body = client.get(f"{_url()}?{query}").content.decode()
    assert _names(body) == listed[28:35]
    assert "Stran 5 od 7" in body
    assert "Prva" in body and "Zadnja" in body
    last = re.search(r'href="\?([^"]*)">Zadnja', body).group(1)
    assert _names(client.get(f"{_url()}?{last}").content.decode()) == listed[42:]


def test_signatories_confirmed_meanwhile_do_not_repeat_people_on_the_next_page(client, declaration, small_pages):
    listed = _newest_first(_signatories(declaration, 20))
    first = client.get(_url()).content.decode()
    SignatureFactory.create_batch(3, declaration=declaration)  # newest: they go to the top
    second = client.get(f"{_url()}?{_link(first, 'next')}").content.decode()
    assert _names(second) == listed[7:14]


def test_a_damaged_position_is_refused_naming_it(client, declaration):
    response = client.get(_url(), {"page": "2", "after": "nope"})
    assert response.status_code == 400
    assert "Položaj na seznamu" in response.content.decode()


def test_the_count_follows_confirmation_withdrawal_and_changes_by_the_secretariat(
    client, declaration, consent_text, django_capture_on_commit_callbacks
):
    SignatureFactory.create_batch(3, declaration=declaration)
    pending = SignatureFactory(declaration=declaration, status="pending", confirmed_at=None)
    hidden = SignatureFactory(declaration=declaration, status="pending", confirmed_at=None, show_publicly=False)

    def shown():
        body = client.get(_url()).content.decode()
        return int(re.search(r'<p role="status">(\d+) ', body).group(1))

    assert shown() == 3
    with django_capture_on_commit_callbacks(execute=True):
        confirm_signature(signature=pending)
        confirm_signature(signature=hidden)
    assert shown() == 4
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_signature(signature=pending)
    assert shown() == 3
    listed = Signature.objects.public().first()
    listed.show_publicly = False  # as the admin saves it (and the cached page is dropped at once)
    listed.save()
    assert shown() == 2
    Signature.objects.filter(pk=hidden.pk).first().delete()
    assert shown() == 2
    declaration.refresh_from_db()
    assert tally.recount(declaration.pk).listed == 2 == Signature.objects.public().count()
    assert tally.recount(declaration.pk).confirmed == 3


@pytest.mark.parametrize("rows", [20, 80])
def test_every_kind_of_page_costs_the_same_queries_whatever_the_size(
    client, declaration, small_pages, django_assert_max_num_queries, rows
):
    _signatories(declaration, rows)
    first = client.get(_url()).content.decode()  # warms the municipality choices
    with django_assert_max_num_queries(3):  # the declaration with its count, the choices, one page
        client.get(_url())
    with django_assert_max_num_queries(3):
        client.get(f"{_url()}?{_link(first, 'next')}")
    with django_assert_max_num_queries(4):  # a page by number: its boundary first
        client.get(_url(), {"page": 2})
    with django_assert_max_num_queries(4):
        last = client.get(_url(), {"page": 999}).content.decode()
    assert _names(last)


def test_a_search_that_matches_nobody_says_so_and_counts_zero(client, declaration):
    SignatureFactory(declaration=declaration, name="Marija Čebašek")
    response = client.get(_url(), {"q": "Nikogaršnjik"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Iskanju ne ustreza noben podpisnik." in body
    assert "0 podpisnikov" in body
    assert "Marija Čebašek" not in body


def test_an_empty_list_says_nobody_is_listed_yet_not_that_a_search_failed(client, declaration):
    SignatureFactory(declaration=declaration, show_publicly=False)
    body = client.get(_url()).content.decode()
    assert "0 podpisnikov" in body
    assert "Na seznamu še ni nobenega podpisnika." in body
    assert "Iskanju ne ustreza" not in body
