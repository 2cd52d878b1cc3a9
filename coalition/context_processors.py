from django.conf import settings
from django.urls import translate_url

from coalition.permissions import is_secretariat


def site(request):
    """The language switcher's links and the visitor's role, for the base layout."""
    path = request.get_full_path()
    alternates = [{"code": code, "name": name, "url": translate_url(path, code)} for code, name in settings.LANGUAGES]
    return {
        "language_alternates": alternates,
        "user_is_secretariat": is_secretariat(getattr(request, "user", None)),
    }
