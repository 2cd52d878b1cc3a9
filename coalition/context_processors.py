from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse, translate_url
from django.utils import translation

from coalition.permissions import is_secretariat


def site(request):
    """The language switcher's links and the visitor's role, for the base layout."""
    alternates = [{"code": code, "name": name, "url": _in_language(request, code)} for code, name in settings.LANGUAGES]
    return {
        "language_alternates": alternates,
        "user_is_secretariat": is_secretariat(getattr(request, "user", None)),
    }


def _in_language(request, code):
    """This page's address in language ``code``, as ``translate_url`` gives it, without resolving the
    path again: the request was resolved once already (``request.resolver_match``)."""
    path = request.get_full_path()
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name:
        return translate_url(path, code)
    parts = urlsplit(path)
    try:
        with translation.override(code):
            translated = reverse(
                match.namespace + ":" + match.url_name if match.namespace else match.url_name,
                args=match.args,
                kwargs=match.kwargs,
            )
    except NoReverseMatch:
        return path
    return urlunsplit((parts.scheme, parts.netloc, translated, parts.query, parts.fragment))
