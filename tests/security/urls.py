"""Every named URL of the project, with the keyword arguments its pattern needs."""

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern


def _argument_names(pattern):
    if isinstance(pattern, RoutePattern):
        return list(pattern.converters)
    if isinstance(pattern, RegexPattern):
        named = list(pattern.regex.groupindex)
        # Unnamed groups are positional arguments: "#0", "#1", ...
        return named or [f"#{n}" for n in range(pattern.regex.groups)]
    return []


def named_urls(resolver=None, namespace=None, arguments=()):
    """(qualified name, argument names, callback) for every named pattern, namespaces included."""
    resolver = resolver or get_resolver()
    found = {}
    for entry in resolver.url_patterns:
        names = [*arguments, *_argument_names(entry.pattern)]
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            for name, value in named_urls(entry, inner, names).items():
                found.setdefault(name, value)
        elif isinstance(entry, URLPattern) and entry.name:
            qualified = f"{namespace}:{entry.name}" if namespace else entry.name
            found.setdefault(qualified, (names, entry.callback))
    return found
