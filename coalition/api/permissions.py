"""The API's default permission: read for everyone, write when signed in (the services' predicates decide the rest)."""

from rest_framework.permissions import IsAuthenticatedOrReadOnly


class ReadOrSignedIn(IsAuthenticatedOrReadOnly):
    """Like DRF's IsAuthenticatedOrReadOnly, but a method the endpoint does not offer passes through,
    so the client learns 405 Method Not Allowed rather than 401."""

    def has_permission(self, request, view):
        if request.method.upper() not in view.allowed_methods:
            return True
        return super().has_permission(request, view)
