"""Every response carries the security headers production promises, on pages, errors, the API and the admin."""

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from tests.security.production import security_overrides
from tests.security.urls import named_urls

pytestmark = pytest.mark.django_db


def _argument_free_urls():
    urls = []
    with translation.override("sl"):
        for name, (arguments, _callback) in sorted(named_urls().items()):
            if arguments or name.startswith("admin:") and name != "admin:login":
                continue
            try:
                urls.append(reverse(name))
            except NoReverseMatch:
                continue
    return urls


def _directives(header):
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def _assert_secure_headers(response, url):
    assert response.status_code != 500, url
    hsts = response.headers.get("Strict-Transport-Security", "")
    assert "max-age=31536000" in hsts and "includeSubDomains" in hsts, f"{url}: HSTS {hsts!r}"
    assert response.headers.get("X-Content-Type-Options") == "nosniff", url
    policies = {"same-origin", "strict-origin-when-cross-origin", "no-referrer"}
    assert response.headers.get("Referrer-Policy") in policies, url
    csp = response.headers.get("Content-Security-Policy", "")
    directives = _directives(csp)
    script_src = directives.get("script-src", directives.get("default-src"))
    assert script_src is not None, f"{url}: no script-src in {csp!r}"
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src, f"{url}: {csp!r}"
    assert directives.get("frame-ancestors") == ["'none'"], f"{url}: {csp!r}"
    assert response.headers.get("X-Frame-Options") == "DENY", url


def test_it_reads_hsts_and_a_strict_csp_from_the_production_settings():
    production = security_overrides()
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert "'unsafe-inline'" not in production["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["script-src"]


def test_it_sends_the_security_headers_on_every_page_the_api_the_admin_and_errors(client):
    urls = _argument_free_urls()
    assert len(urls) > 20, urls  # the walk found the project's pages, not an empty list
    urls += ["/sl/no-such-page/", "/api/v1/no-such-endpoint/", "/sl/admin/"]
    with override_settings(**security_overrides()):
        for url in urls:
            response = client.get(url, secure=True)
            _assert_secure_headers(response, url)


def test_it_redirects_plain_http_to_https_in_production(client):
    with override_settings(**security_overrides()):
        response = client.get("/sl/", secure=False)
    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://")
