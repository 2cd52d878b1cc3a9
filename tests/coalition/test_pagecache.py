"""Public pages are served from the cache to anonymous visitors, and never stale or someone else's."""

import os
import time
import uuid

import pytest
from django.contrib import messages
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation

from coalition import pagecache
from declaration import services
from declaration.models import Signature
from tests.declaration.factories import ConsentTextFactory, DeclarationFactory, SignatureFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def url(name, language="sl"):
    with translation.override(language):
        return reverse(name)


@pytest.fixture
def declaration():
    declaration = DeclarationFactory()
    ConsentTextFactory(declaration=declaration, version=1)
    return declaration


def test_it_serves_the_second_anonymous_visit_from_the_cache_without_sql(
    client, declaration, django_assert_num_queries
):
    SignatureFactory(declaration=declaration, name="Marija Čebašek")
    first = client.get(url("declaration:signatories"))
    assert first[pagecache.HIT_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(url("declaration:signatories"))
    assert second[pagecache.HIT_HEADER] == "hit"
    assert second.content == first.content
    assert "Marija Čebašek" in second.content.decode()


def test_it_shows_a_confirmed_signature_at_once(client, declaration, django_capture_on_commit_callbacks):
    pending = SignatureFactory(
        declaration=declaration, name="Tine Žužek", status=Signature.Status.PENDING, confirmed_at=None
    )
    assert "Tine Žužek" not in client.get(url("declaration:signatories")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_signature(signature=pending)
    response = client.get(url("declaration:signatories"))
    assert response[pagecache.HIT_HEADER] == "miss"
    assert "Tine Žužek" in response.content.decode()


def test_it_drops_a_withdrawn_signature_at_once(client, declaration, django_capture_on_commit_callbacks):
    signature = SignatureFactory(declaration=declaration, name="Tine Žužek")
    assert "Tine Žužek" in client.get(url("declaration:signatories")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.withdraw_signature(signature=signature)
    assert "Tine Žužek" not in client.get(url("declaration:signatories")).content.decode()


def test_a_pending_signature_keeps_the_cached_pages(client, declaration):
    client.get(url("declaration:detail"))
    SignatureFactory(declaration=declaration, status=Signature.Status.PENDING, confirmed_at=None)
    assert client.get(url("declaration:detail"))[pagecache.HIT_HEADER] == "hit"


def test_it_keeps_each_language_apart(client, declaration):
    slovenian = client.get(url("declaration:detail", "sl")).content.decode()
    english = client.get(url("declaration:detail", "en")).content.decode()
    assert '<html lang="sl">' in slovenian
    assert '<html lang="en">' in english
    assert '<html lang="en">' in client.get(url("declaration:detail", "en")).content.decode()


def test_it_renders_every_page_for_a_signed_in_user(client, declaration):
    client.get(url("declaration:detail"))
    client.force_login(UserFactory())
    response = client.get(url("declaration:detail"))
    assert response.status_code == 200
    assert pagecache.HIT_HEADER not in response
    with translation.override("sl"):
        assert f'action="{reverse("account_logout")}"' in response.content.decode()


def test_an_api_token_bypasses_the_cache(client, declaration):
    client.get(url("declaration:detail"))
    response = client.get(url("declaration:detail"), HTTP_AUTHORIZATION="Token abc")
    assert pagecache.HIT_HEADER not in response


def test_an_edit_in_the_admin_or_a_shell_drops_the_pages_showing_it(client, declaration):
    client.get(url("declaration:detail", "en"))
    declaration.title_en = "A renamed declaration"
    declaration.save()
    assert "A renamed declaration" in client.get(url("declaration:detail", "en")).content.decode()


def _view_with(body):
    @pagecache.cache_public_page(pagecache.CONTENT)
    def view(request):
        return body(request)

    return view


def _anonymous(path="/sl/x/"):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.cache import SessionStore

    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def test_it_never_stores_a_page_with_a_csrf_token():
    view = _view_with(lambda request: HttpResponse(f"form {get_token(request)}"))
    first, second = view(_anonymous()), view(_anonymous())
    assert first.content != second.content  # each visitor got their own token
    assert pagecache.HIT_HEADER not in second


def test_it_never_serves_a_cached_page_to_a_visitor_with_a_message_waiting():
    calls = []

    def body(request):
        calls.append(len(messages.get_messages(request)))
        return HttpResponse("page")

    view = _view_with(body)
    view(_anonymous())
    request = _anonymous()
    messages.info(request, "Hvala za podpis.")
    view(request)
    assert calls == [0, 1]


def test_it_stores_only_plain_successes():
    view = _view_with(lambda request: HttpResponse("not found", status=404))
    view(_anonymous("/sl/missing/"))
    assert pagecache.HIT_HEADER not in view(_anonymous("/sl/missing/"))


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_without_a_shared_cache_every_page_is_rendered(client, declaration):
    client.get(url("declaration:detail"))
    assert pagecache.HIT_HEADER not in client.get(url("declaration:detail"))


def test_with_the_page_cache_turned_off_pages_and_api_lists_are_rendered_for_everyone(client, declaration, settings):
    settings.PAGE_CACHE_ENABLED = False
    SignatureFactory(declaration=declaration, name="Marija Čebašek")
    for address in (url("declaration:signatories"), "/api/v1/signatories/"):
        client.get(address)
        again = client.get(address)
        assert again.status_code == 200
        assert pagecache.HIT_HEADER not in again
        assert "Marija Čebašek" in again.content.decode()


def test_the_api_answers_anonymous_lists_from_the_cache_and_shows_confirmations_at_once(
    client, declaration, django_capture_on_commit_callbacks
):
    SignatureFactory(declaration=declaration, name="Marija Čebašek")
    address = "/api/v1/signatories/"
    first = client.get(address)
    assert first[pagecache.HIT_HEADER] == "miss"
    second = client.get(address)
    assert second[pagecache.HIT_HEADER] == "hit"
    assert second.json() == first.json()
    assert [row["name"] for row in second.json()["results"]] == ["Marija Čebašek"]

    pending = SignatureFactory(
        declaration=declaration, name="Tine Žužek", status=Signature.Status.PENDING, confirmed_at=None
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.confirm_signature(signature=pending)
    names = {row["name"] for row in client.get(address).json()["results"]}
    assert names == {"Marija Čebašek", "Tine Žužek"}


def test_the_api_keeps_json_and_csv_apart(client, declaration):
    SignatureFactory(declaration=declaration, name="Marija Čebašek")
    client.get("/api/v1/signatories/")
    csv_response = client.get("/api/v1/signatories/", HTTP_ACCEPT="text/csv")
    assert csv_response["Content-Type"].startswith("text/csv")
    assert (
        "Marija Čebašek"
        in b"".join(csv_response.streaming_content if csv_response.streaming else [csv_response.content]).decode()
    )


def test_a_hit_reads_the_body_from_process_memory_and_only_the_versions_from_the_cache(client, declaration):
    from django.core.cache import cache

    client.get(url("declaration:signatories"))
    calls = []
    original_get = cache.get

    def counting_get(key, *args, **kwargs):
        calls.append(key)
        return original_get(key, *args, **kwargs)

    cache.get = counting_get
    try:
        response = client.get(url("declaration:signatories"))
    finally:
        del cache.get
    assert response[pagecache.HIT_HEADER] == "hit"
    assert not [key for key in calls if "pagecache:page:" in key]


def _bump_as_another_process(scope):
    """What ``bump`` in another web process does: a new version in the shared cache, then the message."""
    from django.core.cache import cache

    cache.set(pagecache._version_key(scope), uuid.uuid4().hex, timeout=None)
    if hasattr(cache, "publish"):
        cache.publish(pagecache.CHANNEL)


def _eventually(condition, seconds=3.0):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_a_bump_by_another_process_is_seen_although_this_process_holds_the_page(client, declaration):
    SignatureFactory(declaration=declaration, name="Marija Čebašek")
    assert client.get(url("declaration:signatories"))[pagecache.HIT_HEADER] == "miss"
    assert client.get(url("declaration:signatories"))[pagecache.HIT_HEADER] == "hit"
    _bump_as_another_process(pagecache.SIGNATURES)
    # With Redis the other process's message arrives within milliseconds; without it, at once.
    assert _eventually(lambda: client.get(url("declaration:signatories"))[pagecache.HIT_HEADER] == "miss")


def test_process_memory_holds_at_most_its_bytes_dropping_the_least_recently_used():
    pages = pagecache.LocalPages(max_bytes=10)
    pages.set("a", (b"aaaa", "text/html"), 4, timeout=60)
    pages.set("b", (b"bbbb", "text/html"), 4, timeout=60)
    assert pages.get("a") == (b"aaaa", "text/html")  # "a" is now the most recently used
    pages.set("c", (b"cccc", "text/html"), 4, timeout=60)
    assert pages.get("b") is None
    assert pages.get("a") is not None and pages.get("c") is not None
    pages.set("huge", (b"x" * 11, "text/html"), 11, timeout=60)
    assert pages.get("huge") is None
    pages.set("old", (b"o", "text/html"), 1, timeout=-1)
    assert pages.get("old") is None


redis_only = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="the version watch needs Redis (CI sets REDIS_URL)"
)


@redis_only
def test_with_redis_a_hit_makes_no_round_trip_and_hears_every_bump(client, declaration):
    from django.core.cache import cache

    keys = [pagecache._version_key(scope) for scope in pagecache.SCOPES]
    client.get(url("declaration:signatories"))  # starts this process's watch
    assert _eventually(lambda: pagecache._watch.versions(keys) is not None), "the watch never came alive"
    client.get(url("declaration:signatories"))
    calls = []
    real = {name: getattr(cache, name) for name in ("get", "get_many")}
    for name, method in real.items():
        setattr(cache, name, lambda *args, _m=method, _n=name, **kwargs: calls.append(_n) or _m(*args, **kwargs))
    try:
        assert client.get(url("declaration:signatories"))[pagecache.HIT_HEADER] == "hit"
    finally:
        for name in real:
            delattr(cache, name)
    assert calls == []

    _bump_as_another_process(pagecache.CONTENT)
    current = cache.get(pagecache._version_key(pagecache.CONTENT))
    assert _eventually(lambda: current in (pagecache._watch.versions(keys) or []))


@redis_only
def test_with_redis_versions_are_read_per_request_when_the_watch_falls_silent(client, declaration, monkeypatch):
    from django.core.cache import cache

    keys = [pagecache._version_key(scope) for scope in pagecache.SCOPES]
    client.get(url("declaration:signatories"))
    assert _eventually(lambda: pagecache._watch.versions(keys) is not None)
    monkeypatch.setattr(pagecache._watch, "_alive_at", time.monotonic() - pagecache.WATCH_SILENCE - 1)
    assert pagecache._watch.versions(keys) is None  # no answer to its pings for too long
    # While silent it would not hear a bump; versions then come from Redis on every request.
    monkeypatch.setattr(pagecache._watch, "versions", lambda keys: None)
    cache.set(keys[1], "bumped-unheard", timeout=None)
    assert pagecache.scope_versions(pagecache.SCOPES).endswith(".bumped-unheard")
