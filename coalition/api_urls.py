"""/api/: version 1 of the open-data API (each app's router), its OpenAPI schema and docs."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from coalition.api.exceptions import not_found

API_APPS = [
    "coalition.api.urls",
    "partnership.api.urls",
    "declaration.api.urls",
    "benchmarking.api.urls",
]


def _v1_patterns():
    from importlib import import_module

    from django.apps import apps

    patterns = []
    for module_name in API_APPS:
        if not apps.is_installed(module_name.split(".")[0]):
            continue
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name not in (module_name, module_name.rsplit(".", 1)[0]):
                raise
            continue
        patterns += module.urlpatterns
    return patterns


# Redoc is not offered: it injects inline styles (styled-components), which our CSP forbids.
urlpatterns = [
    path("v1/", include((_v1_patterns(), "api"), namespace="api")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    # Anything else under /api/ answers with the API's JSON 404, not the site's HTML page.
    re_path(r"^.*$", not_found),
]
