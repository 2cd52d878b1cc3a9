"""The client's address, as far as we can trust it.

Rate limits and spam defences key on :func:`client_ip`. ``X-Forwarded-For`` is believed only
when the request comes from one of ``settings.TRUSTED_PROXIES``; then the address is the
right-most entry that is not itself a trusted proxy (the one our own proxy saw), never the
left-most entry a client can write whatever it likes into.
"""

import ipaddress

from django.conf import settings

from coalition.cache import count_with_add_and_incr


def _parse(value):
    try:
        return ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None


def _trusted_networks():
    networks = []
    for entry in getattr(settings, "TRUSTED_PROXIES", []) or []:
        try:
            networks.append(ipaddress.ip_network(entry.strip(), strict=False))
        except ValueError:
            continue
    return networks


def _is_trusted(address, networks):
    return address is not None and any(address in network for network in networks)


def client_ip(request):
    """The address of the client that sent ``request``, as a string ("" if unknown)."""
    remote = _parse(request.META.get("REMOTE_ADDR"))
    networks = _trusted_networks()
    if not _is_trusted(remote, networks):
        return str(remote) if remote else ""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [_parse(part) for part in forwarded.split(",") if part.strip()]
    for hop in reversed(hops):
        if hop is None:
            # A malformed entry: nothing to its left can be trusted either.
            break
        if not _is_trusted(hop, networks):
            return str(hop)
    return str(remote)


def count_hit(cache_key, *, window):
    """Count one more hit on ``cache_key`` in the shared cache; return the count in this window.

    Atomic under concurrency, so parallel requests never read the same count: on Redis one round
    trip (``FallbackRedisCache.count_hit``); on other caches ``cache.add`` creates the counter only
    if absent and ``cache.incr`` is an atomic increment (under a lock in the local-memory cache).
    """
    from django.core.cache import cache

    counter = getattr(cache, "count_hit", None)
    if counter is not None:
        return counter(cache_key, window)
    return count_with_add_and_incr(cache, cache_key, window)


def rate_limit_exceeded(scope, key, *, limit, window):
    """Count one more request for ``key`` in ``scope``; True once more than ``limit`` in ``window`` seconds."""
    return count_hit(f"ratelimit:{scope}:{key}", window=window) > limit
