"""/api/: version 1 of the open-data API (each app's router), its OpenAPI schema and docs."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

API_APPS = ["coalition.api.urls", "partnership.api.urls", "declaration.api.urls"]


def _v1_patterns():
    from importlib import import_module

    patterns = []
    for module_name in API_APPS:
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name not in (module_name, module_name.rsplit(".", 1)[0]):
                raise
            continue
        patterns += module.urlpatterns
    return patterns


urlpatterns = [
    path("v1/", include((_v1_patterns(), "api"), namespace="api")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    path("redoc/", SpectacularRedocView.as_view(url_name="schema"), name="redoc"),
]
