"""/api/: version 1 of the open-data API (each app's router), its OpenAPI schema and docs."""

from django.urls import include, path, re_path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.reverse import reverse

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


@extend_schema(exclude=True)
@api_view(["GET"])
@permission_classes([AllowAny])
def api_root(request):
    """Every list of version 1, and where the schema and the documentation are."""
    from importlib import import_module

    lists = {}
    for module_name in API_APPS:
        try:
            router = import_module(module_name).router
        except (ModuleNotFoundError, AttributeError):
            continue
        for prefix, viewset, basename in router.registry:
            if hasattr(viewset, "list"):
                lists[prefix] = reverse(f"api:{basename}-list", request=request)
    return Response(
        {
            "resources": dict(sorted(lists.items())),
            "schema": reverse("schema", request=request),
            "docs": reverse("swagger-ui", request=request),
        }
    )


# Redoc is not offered: it injects inline styles (styled-components), which our CSP forbids.
urlpatterns = [
    path("v1/", api_root, name="api-root"),
    path("v1/", include((_v1_patterns(), "api"), namespace="api")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="schema"), name="swagger-ui"),
    # Anything else under /api/ answers with the API's JSON 404, not the site's HTML page.
    re_path(r"^.*$", not_found),
]
