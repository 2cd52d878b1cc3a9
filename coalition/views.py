from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from coalition import pagecache
from coalition.models import Municipality, Organisation
from coalition.permissions import person_for
from partnership.models import Subgroup


@pagecache.cache_public_page(pagecache.CONTENT)
def home(request):
    context = {
        "municipality_count": Municipality.objects.count(),
        "sos": Organisation.objects.filter(slug="sos").first(),
        "subgroup_count": Subgroup.objects.count(),
    }
    return render(request, "coalition/home.html", context)


def accessibility(request):
    return render(request, "coalition/accessibility.html")


def privacy(request):
    return render(request, "coalition/privacy.html", {"secretariat_email": settings.SECRETARIAT_EMAIL})


@login_required
def dashboard(request):
    return render(request, "coalition/dashboard.html", {"person": person_for(request.user)})


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    except Exception:  # noqa: BLE001 - any failure means "down"
        return False


def _redis_ok():
    try:
        cache.set("healthz", "1", 5)
        return cache.get("healthz") == "1"
    except Exception:  # noqa: BLE001
        return False


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _database_ok()}
    if settings.REDIS_URL:
        checks["redis"] = _redis_ok()
    down = sorted(name for name, ok in checks.items() if not ok)
    body = {
        "status": "ok" if not down else "unavailable",
        "checks": {k: "ok" if v else "down" for k, v in checks.items()},
    }
    if down:
        body["down"] = down
    return JsonResponse(body, status=503 if down else 200)
