"""Whole public pages, cached for anonymous visitors and dropped the moment their content changes.

Most visitors are anonymous and see the same page: the declaration with its count, the signatory
list, a subgroup, a published plan. Rendering them on every request is what limits the portal under
load, so their rendered bodies are kept in the cache, keyed on the page's address, its language and
the current *version* of every content scope the page shows (``CONTENT``: what editors change;
``SIGNATURES``: which signatures count). A change bumps the version of its scope at once and again
after its transaction commits, so the next request renders afresh; nothing is served stale on
purpose, and old entries simply expire.

What is never served from or stored in this cache:

- anything but GET and HEAD, and any request from a signed-in user or carrying an API token;
- a request with messages waiting to be shown (they belong to that visitor);
- a response that is not a plain 200, sets a cookie, or used a CSRF token (it would hand one
  visitor's token to another).

A page with a form that every anonymous visitor sees the same (the signing form) goes through
``render_form_page`` instead: it is rendered once with a placeholder where the CSRF token goes and
kept like any other page; each visitor then gets the stored page with their own fresh token put in
the placeholder's place, and the CSRF cookie that goes with it.

Every change that a public page shows reaches ``bump`` through the models registered with
``invalidate_on`` (saves, deletes and many-to-many changes, whether made by a page, the API, the admin,
an import or a shell) or, for changes made with bulk queries, by calling ``bump`` directly.
Without a shared cache (``DummyCache``) there are no versions, and every page is rendered.
"""

import functools
import hashlib
import logging
import os
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from coalition.cache import clear_listeners

logger = logging.getLogger(__name__)

HIT_HEADER = "X-Page-Cache"

# The scopes: what editors change (text, organisations, subgroups, plans) and which signatures count.
CONTENT = "content"
SIGNATURES = "signatures"
SCOPES = (CONTENT, SIGNATURES)


def _version_key(scope):
    return f"pagecache:version:{scope}"


def _cache_call(method, *args, default=None, **kwargs):
    """``cache.<method>(...)``, or ``default`` if the cache fails: a cache problem never fails a page."""
    try:
        return getattr(cache, method)(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - the page is rendered instead
        logger.warning("Page cache unavailable (%s): %s", method, type(exc).__name__)
        return default


CHANNEL = "pagecache:bumped"
# Seconds without a sign of life from the subscription after which versions are read from Redis again.
WATCH_SILENCE = 3.0


class VersionWatch:
    """The scopes' current versions in process memory, kept true by a Redis subscription.

    Every bump writes the new versions to Redis and then publishes on ``CHANNEL``; a thread in each
    process re-reads the versions from Redis on every message (re-reads rather than taking a value
    from the message, so bumps from several processes that cross still end on the newest). So a
    cache hit costs no round trip at all, and a change anywhere reaches every process within the
    message's delivery (milliseconds). Whenever the subscription is not known to be alive (not yet
    started in this process, Redis down, the connection lost, no answer to its pings for
    ``WATCH_SILENCE`` seconds) versions are read from Redis on every request instead.
    """

    def __init__(self):
        self._versions = {}
        self._alive_at = None
        self._started_for = None  # (process id, Redis location) the running thread watches
        self._start_lock = threading.Lock()
        self._outage_logged = False

    def versions(self, keys):
        """The versions of ``keys`` if the subscription vouches for them, else None."""
        if self._started_for != _watched():
            self._start()
            return None
        alive_at = self._alive_at
        if alive_at is None or time.monotonic() - alive_at > WATCH_SILENCE:
            return None
        known = self._versions
        if not all(key in known for key in keys):
            return None
        return [known[key] for key in keys]

    def note(self, mapping):
        """A bump made in this process: known here at once (the message then re-reads Redis)."""
        self._versions = {**self._versions, **mapping}

    def forget(self):
        """The cache was cleared: versions are read from Redis again until the next message."""
        self._versions = {}

    def _start(self):
        with self._start_lock:
            watched = _watched()
            if self._started_for == watched:
                return
            # A new process (after a fork the parent's thread is not ours) or another Redis (tests
            # that override CACHES): a new thread; the old one stops at its next turn.
            self._started_for = watched
            self._alive_at = None
            self._versions = {}
            threading.Thread(target=self._run, args=(watched,), name="pagecache-watch", daemon=True).start()

    def _run(self, watched):
        while self._started_for == watched:
            try:
                self._watch(caches["default"], watched)
            except Exception as exc:  # noqa: BLE001 - any failure: requests read Redis until it is back
                if self._started_for == watched:
                    self._alive_at = None
                if not self._outage_logged:
                    self._outage_logged = True
                    logger.warning("Page cache watch lost (%s); versions are read per request", type(exc).__name__)
            time.sleep(1.0)

    def _watch(self, backend, watched):
        pubsub = backend.subscription(CHANNEL)
        try:
            confirmed = False
            deadline = time.monotonic() + 5
            while not confirmed:
                message = pubsub.get_message(timeout=1.0)
                confirmed = message is not None and message["type"] == "subscribe"
                if not confirmed and time.monotonic() > deadline:
                    raise TimeoutError("no subscription confirmation")
            self._refresh(backend, watched)  # after subscribing: no bump falls between the read and the first message
            self._outage_logged = False
            pinged_at = 0.0
            while self._started_for == watched:
                message = pubsub.get_message(timeout=0.5)
                now = time.monotonic()
                if message is not None:
                    if message["type"] == "message":
                        self._refresh(backend, watched)
                    elif self._started_for == watched:
                        self._alive_at = now  # the answer to a ping
                if now - pinged_at >= 1.0:
                    pubsub.ping()
                    pinged_at = now
        finally:
            if self._started_for == watched:
                self._alive_at = None
            pubsub.close()

    def _refresh(self, backend, watched):
        found = _read_versions([_version_key(scope) for scope in SCOPES], backend.read_many, backend.add_to_redis)
        if self._started_for == watched:
            self._versions = dict(found)
            self._alive_at = time.monotonic()


def _watched():
    return os.getpid(), settings.CACHES["default"].get("LOCATION")


_watch = VersionWatch()


def _watching():
    return settings.PAGE_CACHE_WATCH and hasattr(cache, "subscription")


def scope_versions(scopes):
    """One string naming the current version of every scope, or None when there is no shared cache."""
    keys = [_version_key(scope) for scope in scopes]
    if _watching():
        known = _watch.versions(keys)
        if known is not None:
            return ".".join(known)
    found = _read_versions(
        keys,
        lambda missing: _cache_call("get_many", missing, default={}),
        lambda key, version, timeout: _cache_call("add", key, version, timeout=timeout),
    )
    if any(key not in found for key in keys):
        return None  # DummyCache (or an outage): render every time
    return ".".join(found[key] for key in keys)


def _read_versions(keys, get_many, add):
    """{key: version} of ``keys``; a key not there yet is given a new version first (``add``: the
    first process to add one wins, and everyone reads the winner)."""
    found = get_many(keys)
    missing = [key for key in keys if key not in found]
    for key in missing:
        add(key, uuid.uuid4().hex, timeout=None)
    if missing:
        found.update(get_many(missing))
    return found


def _bump_now(scopes):
    versions = {_version_key(scope): uuid.uuid4().hex for scope in scopes}
    _cache_call("set_many", versions, timeout=None)
    if _watching():
        _watch.note(versions)
        _cache_call("publish", CHANNEL)


def bump(*scopes):
    """Drop every cached page that shows one of ``scopes``: now, and again once the transaction commits.

    The second bump closes a race: a request that rendered the old content after the first bump but
    before the commit stored it under the new version.
    """
    _bump_now(scopes)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(functools.partial(_bump_now, scopes), robust=True)


def invalidate_on(model, *scopes):
    """A save, delete or many-to-many change of ``model`` bumps ``scopes``."""

    def receiver(sender, **kwargs):
        if kwargs.get("action", "post_").startswith("post_"):
            bump(*scopes)

    uid = f"pagecache:{model._meta.label}:{','.join(scopes)}"
    post_save.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":save")
    post_delete.connect(receiver, sender=model, weak=False, dispatch_uid=uid + ":delete")
    for field in model._meta.local_many_to_many:
        m2m_changed.connect(receiver, sender=field.remote_field.through, weak=False, dispatch_uid=uid + field.name)


class LocalPages:
    """Stored pages this process has already fetched, so a hit reads only the versions from Redis.

    Keys carry the versions, so a bumped scope never finds an old body here either; entries are
    dropped least recently used first once ``max_bytes`` of bodies are held, and after ``timeout``.
    """

    def __init__(self, max_bytes):
        self.max_bytes = max_bytes
        self._entries = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            expires, value, size = entry
            if expires < time.monotonic():
                del self._entries[key]
                self._bytes -= size
                return None
            self._entries.move_to_end(key)
            return value

    def set(self, key, value, size, timeout):
        if size > self.max_bytes:
            return
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= old[2]
            self._entries[key] = (time.monotonic() + timeout, value, size)
            self._bytes += size
            while self._bytes > self.max_bytes:
                _key, (_expires, _value, dropped) = self._entries.popitem(last=False)
                self._bytes -= dropped

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._bytes = 0


_local_pages = LocalPages(settings.PAGE_CACHE_LOCAL_BYTES)


def _get_stored(key):
    """The stored value under ``key``: from this process if it has it, else from the shared cache."""
    value = _local_pages.get(key)
    if value is None:
        value = _cache_call("get", key)
        if value is not None:
            _local_pages.set(key, value, _size(value), settings.PAGE_CACHE_TIMEOUT)
    return value


def _set_stored(key, value, timeout):
    _cache_call("set", key, value, timeout=timeout)
    _local_pages.set(key, value, _size(value), timeout)


def _size(value):
    return len(value[0]) if isinstance(value, tuple) else len(value)


def _forget_copies():
    """``cache.clear()``: this process drops its copies, and tells the others to re-read the versions."""
    _watch.forget()
    _local_pages.clear()
    if _watching():
        _cache_call("publish", CHANNEL)


clear_listeners.append(_forget_copies)


def _may_use_cache(request):
    if not settings.PAGE_CACHE_ENABLED:
        return False
    if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
        return False
    if request.user.is_authenticated:
        return False
    return len(get_messages(request)) == 0


def _may_store(request, response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Set-Cookie")
    )


def _page_key(request, view_name, versions):
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    # Today's date too: pages mark past and next milestones and meetings.
    return f"pagecache:page:{view_name}:{get_language()}:{timezone.localdate().isoformat()}:{address}:{versions}"


def lookup(request, view_name, scopes):
    """``(key, response)``: the cached response, or the key to store one under, or ``(None, None)``."""
    if not _may_use_cache(request):
        return None, None
    versions = scope_versions(scopes)
    if versions is None:
        return None, None
    key = _page_key(request, view_name, versions)
    stored = _get_stored(key)
    if stored is None:
        return key, None
    content, content_type = stored
    response = HttpResponse(content, content_type=content_type)
    response[HIT_HEADER] = "hit"
    return key, response


def store(request, key, response, timeout=None):
    """Keep a rendered ``response`` under ``key`` if it may be shown to every anonymous visitor."""
    if _may_store(request, response):
        lifetime = timeout if timeout is not None else settings.PAGE_CACHE_TIMEOUT
        _set_stored(key, (response.content, response["Content-Type"]), lifetime)
        response[HIT_HEADER] = "miss"
    return response


def cache_public_page(*scopes, timeout=None):
    """Serve the view's rendered page from the cache to anonymous visitors (see the module docstring)."""

    def decorator(view):
        view_name = f"{view.__module__}.{view.__qualname__}"

        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            key, cached_response = lookup(request, view_name, scopes)
            if cached_response is not None:
                return cached_response
            response = view(request, *args, **kwargs)
            if key is None:
                return response
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            return store(request, key, response, timeout)

        return wrapped

    return decorator


# Stands for the CSRF token in a stored form page; no token (letters and digits only) contains it.
CSRF_PLACEHOLDER = "--csrf-token-of-the-visitor--"


def render_form_page(request, template_name, get_context, scopes):
    """The form page ``template_name``: for anonymous visitors the stored rendering with their own token.

    ``get_context()`` gives the page's context; it is called only when the page is rendered. Signed-in
    visitors, a visitor with messages waiting, and every request while the cache is unavailable get
    the page rendered for them as usual.
    """
    key = None
    if request.method == "GET" and _may_use_cache(request):
        versions = scope_versions(scopes)
        if versions is not None:
            key = _page_key(request, f"form:{template_name}", versions)
    if key is None:
        return render(request, template_name, get_context())
    content = _get_stored(key)
    if content is None:
        # The view's context wins over the context processors, so the placeholder stands in for the token.
        content = render_to_string(template_name, {**get_context(), "csrf_token": CSRF_PLACEHOLDER}, request)
        _set_stored(key, content, settings.PAGE_CACHE_TIMEOUT)
    return HttpResponse(content.replace(CSRF_PLACEHOLDER, get_token(request)))


class CachedPublicListMixin:
    """The same cache for a REST framework viewset's list answers to anonymous clients.

    It answers after the framework has authenticated, checked permissions and throttled the request
    (a cached answer still counts against the client's rate), and keys on the negotiated format.
    """

    cache_scopes = (CONTENT,)

    def list(self, request, *args, **kwargs):
        return self._cached(request, super().list, *args, **kwargs)

    def _cached(self, request, handler, *args, **kwargs):
        name = f"api:{type(self).__module__}.{type(self).__name__}:{request.accepted_renderer.format}"
        key, cached_response = lookup(request._request, name, self.cache_scopes)
        if cached_response is not None:
            return cached_response
        response = handler(request, *args, **kwargs)
        if key is not None and hasattr(response, "add_post_render_callback"):
            response.add_post_render_callback(lambda rendered: store(request._request, key, rendered))
        return response


class CachedPublicReadMixin(CachedPublicListMixin):
    """List and detail answers (for viewsets that have both)."""

    def retrieve(self, request, *args, **kwargs):
        return self._cached(request, super().retrieve, *args, **kwargs)
