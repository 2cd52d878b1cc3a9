"""The signatory's PDF confirmation, rendered by WeasyPrint (PDF/UA-1, tagged, with language and title).

Static files are read from disk by :func:`static_files_fetcher`, never over HTTP: a view fetching its
own ``/static/`` under a single sync worker would deadlock.
"""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlparse

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation

from declaration.models import Signature


class RefusedURL(Exception):
    pass


def static_file_path(url):
    """The file on disk behind a ``/static/...`` URL, or None."""
    path = unquote(urlparse(url).path)
    if not path.startswith(settings.STATIC_URL):
        return None
    relative = path[len(settings.STATIC_URL) :]
    found = finders.find(relative)
    if found:
        return Path(found)
    candidate = Path(settings.STATIC_ROOT) / relative
    return candidate if candidate.is_file() else None


def static_files_fetcher():
    """A WeasyPrint fetcher that serves ``/static/...`` from disk and refuses everything else (no HTTP)."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFilesFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            found = static_file_path(url)
            if found is None:
                raise RefusedURL(url)
            mime_type, _ = mimetypes.guess_type(str(found))
            content_type = {"Content-Type": mime_type or "application/octet-stream"}
            return URLFetcherResponse(url, found.read_bytes(), content_type, 200)

    return StaticFilesFetcher()


def render_confirmation_pdf(signature):
    """The confirmation as PDF bytes, in the signatory's language."""
    from weasyprint import HTML  # imported here: it is heavy and only the PDF needs it

    with translation.override(signature.language or settings.LANGUAGE_CODE):
        html = render_to_string(
            "declaration/pdf/confirmation.html",
            {"signature": signature, "declaration": signature.declaration, "site_url": settings.SITE_URL},
        )
    document = HTML(string=html, base_url=settings.SITE_URL + "/", url_fetcher=static_files_fetcher())
    return document.write_pdf(pdf_variant="pdf/ua-1")


def confirmation_filename(signature):
    return f"deklaracija-potrdilo-{signature.verification_code}.pdf"


def confirmation_attachment(ref):
    """Called by the outbox task: the PDF to attach to the confirmation mail."""
    signature = Signature.objects.select_related("declaration").get(pk=int(ref))
    return confirmation_filename(signature), render_confirmation_pdf(signature), "application/pdf"
