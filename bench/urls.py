"""The portal's URLs plus the ceiling view; used only by ``coalition.bench_settings``."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import path

from coalition.urls import urlpatterns as portal_patterns


def ceiling(request):
    """The cheapest response Django can give through the full middleware stack: the 100% mark."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = list(portal_patterns)
if getattr(settings, "BENCH_CEILING_ENABLED", False):
    urlpatterns.insert(0, path("bench/ceiling", ceiling, name="bench-ceiling"))
