"""The client's address, as far as we can trust it.

Rate limits and spam defences key on :func:`client_ip`. ``X-Forwarded-For`` is believed only
when the request comes from one of ``settings.TRUSTED_PROXIES``; then the address is the
right-most entry that is not itself a trusted proxy (the one our own proxy saw), never the
left-most entry a client can write whatever it likes into.
"""

import ipaddress

from django.conf import settings


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
