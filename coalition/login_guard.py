"""Brute-force defence of the admin login (django-axes), keyed on the client address we trust.

allauth limits the portal's own login (``ACCOUNT_RATE_LIMITS``); axes guards the admin site's
login form, which allauth does not see. Both count in shared storage (axes in the database,
allauth in the cache), so the limits hold across workers and restarts.
"""

from axes.backends import AxesStandaloneBackend

from coalition.net import client_ip


class AdminLoginGuard(AxesStandaloneBackend):
    """axes' lockout check, skipped for ``authenticate()`` calls that carry no request.

    Every login form passes the request; only code such as the test client's ``login()``
    authenticates without one, and there is no client address to count then.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def axes_client_ip(request):
    return client_ip(request) or None
