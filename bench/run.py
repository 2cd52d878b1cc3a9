"""``make bench``: seed, serve with production settings, load every page with wrk, write the table.

Order of a run: a fresh database (dropped and created, so every run starts from the same rows),
migrations, ``collectstatic`` (the manifest storage needs it), ``load_seed``, the deterministic
bench data at the first size, the ceiling and every page and endpoint, the signing flow; then the
data grown to the second size and everything measured again, plus the signatory list from a
second server whose cache always misses. Finally the PDF of a 30-action plan rendered by the
worker function, called directly. Results: ``bench/results.md`` and ``bench/results.json``.
"""

import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from urllib.parse import urlsplit

from bench import config
from bench.load import Server, die, fetch, have_wrk, measure, wrk

LOAD_AT_START = [round(x, 2) for x in os.getloadavg()]


def setup_environment():
    env = config.environment()
    os.environ.update(env)
    return env


def recreate_database():
    import psycopg2
    from psycopg2 import sql

    parts = urlsplit(config.DATABASE_URL)
    name = parts.path.lstrip("/")
    connection = psycopg2.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password or None,
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


def flush_redis():
    import redis

    redis.Redis.from_url(config.REDIS_URL).flushdb()


def prepare_django():
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False)
    call_command("load_seed", verbosity=0)


# --- Endpoints -------------------------------------------------------------------------------


def _reverse(candidates):
    """The first (name, kwargs) among ``candidates`` that reverses, in Slovenian."""
    from django.urls import NoReverseMatch, reverse
    from django.utils import translation

    with translation.override("sl"):
        for name, kwargs in candidates:
            try:
                return reverse(name, kwargs=kwargs or None)
            except NoReverseMatch:
                continue
    raise LookupError("no URL named " + " or ".join(sorted({name for name, _ in candidates})))


def _first(app_label, model_name, **filters):
    from django.apps import apps

    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise LookupError(f"model {app_label}.{model_name} missing") from exc
    obj = model.objects.filter(**filters).order_by("pk").first()
    if obj is None:
        raise LookupError(f"no {app_label}.{model_name} row")
    return obj


def _object_kwargs(obj, prefix):
    options = []
    for field in ("slug", "pk", "code"):
        value = getattr(obj, field, None)
        if value is None:
            continue
        options += [{field: value}, {f"{prefix}_{field}": value}, {prefix: value}]
    return options


def url_home():
    return _reverse([("coalition:home", None)])


def url_declaration():
    declaration = _first("declaration", "Declaration")
    names = ["declaration:detail", "declaration:declaration", "declaration:index", "declaration:home"]
    return _reverse([(n, k) for n in names for k in [None, *_object_kwargs(declaration, "declaration")]])


def _signatories_candidates():
    declaration = _first("declaration", "Declaration")
    names = ["declaration:signatories", "declaration:signatory_list", "declaration:signatures", "declaration:list"]
    return [(n, k) for n in names for k in [None, *_object_kwargs(declaration, "declaration")]]


def url_signatories():
    return _reverse(_signatories_candidates())


def url_signatories_deep():
    """A page at nine tenths of the public list, by the link a visitor follows to reach it.

    The list's "Next" link names the page and where it starts (``?page=N&after=<cursor>``, see
    ``declaration.listing``); this is that link on the page before, built the same way. A list
    without cursors is paged by number (``?page=N``).
    """
    from django.apps import apps

    base = url_signatories()
    Signature = apps.get_model("declaration", "Signature")
    public = Signature.objects.public().count() if hasattr(Signature.objects, "public") else 0
    page_size = int(os.environ.get("BENCH_SIGNATORY_PAGE_SIZE", 0)) or _page_size(base)
    last = max(1, -(-public // page_size))
    number = max(1, last * 9 // 10)
    try:
        from declaration import listing
    except ImportError:
        return f"{base}?page={number}"
    if number == 1:
        return base
    previous_last_row = Signature.objects.public().order_by(*listing.ORDER)[(number - 1) * page_size - 1]
    return f"{base}?page={number}&after={listing.encode(previous_last_row)}"


def _page_size(path):
    """The list's page size: the view's ``PAGE_SIZE``, else rows counted on its first page, else 50."""
    try:
        from declaration.views import PAGE_SIZE

        return int(PAGE_SIZE)
    except (ImportError, AttributeError, TypeError, ValueError):
        pass
    from django.test import Client

    response = Client(HTTP_HOST="127.0.0.1").get(path)
    if response.status_code != 200:
        return 50
    body = response.content.decode()
    rows = body.count("<tr") - body.count("<thead")
    return rows if rows > 1 else 50


def url_subgroup():
    subgroup = _first("partnership", "Subgroup")
    names = ["partnership:subgroup_detail", "partnership:subgroup", "partnership:subgroup-detail"]
    return _reverse([(n, k) for n in names for k in _object_kwargs(subgroup, "subgroup")])


def _published_plan():
    from django.apps import apps

    ActionPlan = apps.get_model("partnership", "ActionPlan")
    plan = (
        ActionPlan.objects.filter(status="published", actions__isnull=False).order_by("pk").distinct().first()
        or ActionPlan.objects.filter(status="published").order_by("pk").first()
    )
    if plan is None:
        raise LookupError("no published action plan")
    return plan


def url_plan():
    plan = _published_plan()
    names = ["partnership:plan_detail", "partnership:plan", "partnership:action_plan", "partnership:plan-detail"]
    return _reverse([(n, k) for n in names for k in _object_kwargs(plan, "plan")])


def url_plan_history():
    plan = _published_plan()
    names = ["partnership:plan_history", "partnership:plan_revisions", "partnership:history", "partnership:revisions"]
    return _reverse([(n, k) for n in names for k in _object_kwargs(plan, "plan")])


def _api(names):
    return _reverse([(f"api:{n}", None) for n in names])


def url_api_signatories():
    return _api(["signature-list", "signatory-list", "signatories-list", "declaration-signatory-list"])


def url_api_organisations():
    return _api(["organisation-list", "organization-list", "organisations-list"])


def url_api_action_plans():
    return _api(["actionplan-list", "action-plan-list", "plan-list", "action-plans-list", "actionplans-list"])


def url_sign():
    declaration = _first("declaration", "Declaration")
    names = ["declaration:sign", "declaration:signature_create", "declaration:sign_form"]
    return _reverse([(n, k) for n in names for k in [None, *_object_kwargs(declaration, "declaration")]])


CEILING_PATH = "/bench/ceiling"

PAGES = [
    # key, label, URL, target (share of the ceiling's requests/s), cached server only
    ("ceiling", "Ceiling: bare Django view", lambda: CEILING_PATH, None),
    ("home", "Home", url_home, None),
    ("declaration", "Declaration page", url_declaration, 50),
    ("signatories", "Public signatory list, first page (cached)", url_signatories, 70),
    ("signatories_deep", "Public signatory list, deep page (cached)", url_signatories_deep, None),
    ("subgroup", "Subgroup page", url_subgroup, None),
    ("plan", "Published action plan", url_plan, 50),
    ("plan_history", "Action plan history", url_plan_history, None),
    ("api_signatories", "API: signatories", url_api_signatories, 15),
    ("api_organisations", "API: organisations", url_api_organisations, 15),
    ("api_action_plans", "API: action plans", url_api_action_plans, 15),
]

UNCACHED = [
    ("signatories_uncached", "Public signatory list, first page (uncached)", url_signatories, 15),
    ("signatories_deep_uncached", "Public signatory list, deep page (uncached)", url_signatories_deep, None),
]


_SESSION = {}


def secretariat_session():
    """A logged-in session of a secretariat user, for pages only members or the secretariat see."""
    if "cookie" not in _SESSION:
        from django.contrib.auth import get_user_model
        from django.contrib.auth.models import Group
        from django.test import Client

        from coalition.permissions import SECRETARIAT_GROUP
        from coalition.seed import ensure_secretariat_group

        user, _created = get_user_model().objects.get_or_create(
            username="bench-secretariat", defaults={"email": "bench.secretariat@example.org", "is_staff": True}
        )
        ensure_secretariat_group()
        user.groups.add(Group.objects.get(name=SECRETARIAT_GROUP))
        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user)
        _SESSION["cookie"] = client.cookies["sessionid"].value
        _SESSION["user"] = user
    return _SESSION


def count_queries(path, method="get", data=None, logged_in=False, uncached=False):
    """SQL queries of one warm request through the test client (same settings, same middleware).

    Also the request's time in this process alone (median of five, no load) and the SQL share of
    it, which says whether a page is limited by the database or by Python (templates, serialisers).
    """
    import contextlib
    import statistics as stats

    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    with override_settings(PAGE_CACHE_ENABLED=False) if uncached else contextlib.nullcontext():
        client = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9")
        if logged_in:
            client.force_login(secretariat_session()["user"])
        getattr(client, method)(path, data=data)  # warm: content types, sites, first cache fill
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            getattr(client, method)(path, data=data)
            timings.append(time.perf_counter() - started)
        with CaptureQueriesContext(connection) as context:
            response = getattr(client, method)(path, data=data)
    sql_ms = sum(float(q.get("time") or 0) for q in context.captured_queries) * 1000
    PROFILE[path] = {"app_ms": round(stats.median(timings) * 1000, 1), "sql_ms": round(sql_ms, 1)}
    return len(context.captured_queries), response.status_code


PROFILE = {}


def measure_pages(server, pages, size):
    results = []
    for key, label, url_function, target in pages:
        row = {"key": key, "label": label, "size": size, "target_pct": target}
        try:
            path = url_function()
        except Exception as exc:  # noqa: BLE001 - a missing feature is a row saying so, not a crash
            row["missing"] = str(exc)[:200]
            print(f"  {label}: MISSING ({row['missing']})")
            results.append(row)
            continue
        row["path"] = path
        status, headers, _body = fetch(server.base + path)
        extra_env = {}
        if status == 302 and "login" in (headers.get("Location") or ""):
            # Members and the secretariat only: measured logged in as the secretariat.
            cookie = f"sessionid={secretariat_session()['cookie']}"
            status, _headers, _body = fetch(server.base + path, headers={"Cookie": cookie})
            extra_env = {"BENCH_COOKIE": cookie}
            row["label"] += " (logged in)"
        if status != 200:
            row["missing"] = f"{path} answered {status}"
            print(f"  {label}: {path} answered {status}, not measured")
            results.append(row)
            continue
        try:
            row["queries"], _status = count_queries(path, logged_in=bool(extra_env), uncached=key.endswith("_uncached"))
            row.update(PROFILE.get(path, {}))
        except Exception as exc:  # noqa: BLE001
            row["queries"] = None
            print(f"  {label}: query count failed: {type(exc).__name__}: {exc}")
        ceiling = None if key == "ceiling" else server.base + CEILING_PATH
        row.update(measure(server.base + path, extra_env=extra_env, ceiling_url=ceiling))
        print(
            f"  {label:<48} {row['rps']:8.0f} req/s  p50 {row['p50_ms']:6.1f}  p95 {row['p95_ms']:6.1f}"
            f"  p99 {row['p99_ms']:6.1f} ms  {row['queries']} queries  {row['errors']} errors"
        )
        results.append(row)
    return results


# --- Signing -----------------------------------------------------------------------------------


def measure_signing(server, size, duration):
    from bench.forms import fill, signing_form

    row = {"key": "signing", "label": "Signing flow (GET form + POST)", "size": size, "target_pct": None}
    try:
        path = url_sign()
    except Exception as exc:  # noqa: BLE001
        row["missing"] = str(exc)[:200]
        print(f"  signing: MISSING ({row['missing']})")
        return row
    row["path"] = path
    status, _headers, body = fetch(server.base + path)
    form = signing_form(body) if status == 200 else None
    if form is None:
        row["missing"] = f"{path} answered {status} without a signing form"
        print(f"  signing: {row['missing']}")
        return row
    body_template = fill(form)
    from coalition.models import OutboundEmail
    from declaration.models import Signature  # noqa: PLC0415 - exists once the form does

    before_signatures = Signature.objects.count()
    before_mail = OutboundEmail.objects.count()
    start = datetime.now(UTC)
    # Queries of one signing (GET + POST) through the test client.
    try:
        get_queries, _ = count_queries(path)
        row.update(PROFILE.get(path, {}))
        row["queries"] = get_queries
        row["queries_note"] = "GET form"
    except Exception:  # noqa: BLE001
        row["queries"] = None
    env = {"BENCH_SIGN_BODY": body_template, "BENCH_SIGN_PATH": path}
    samples, ceilings = [], []
    runs = config.RUNS
    for _ in range(runs):
        ceilings.append(wrk(server.base + CEILING_PATH, "get.lua", config.DURATION))
        samples.append(wrk(server.base + path, "sign.lua", duration, extra_env=env))
    row["ceiling_rps"] = statistics.median(c["rps"] for c in ceilings)
    if row["ceiling_rps"]:
        row["pct_of_ceiling"] = round(100 * statistics.median(s["rps"] for s in samples) / row["ceiling_rps"], 1)
    signed = [s["signed"] for s in samples]
    row.update(
        {
            "rps": statistics.median(s["rps"] for s in samples),
            "signings_per_s": statistics.median(s["signed"] / s["seconds"] for s in samples),
            "p50_ms": statistics.median(s["p50_us"] for s in samples) / 1000,
            "p95_ms": statistics.median(s["p95_us"] for s in samples) / 1000,
            "p99_ms": statistics.median(s["p99_us"] for s in samples) / 1000,
            "errors": sum(s["errors"] + s["refused"] + s["other"] for s in samples),
            "refused": sum(s["refused"] for s in samples),
            "signed": sum(signed),
            "duration_s": duration,
            "runs": samples,
        }
    )
    # Requests in flight when wrk stopped still finish on the server: let them, then count.
    time.sleep(3)
    # What the database says: every answered signing stored once, one mail owed for each.
    created = Signature.objects.filter(created__gte=start, email__startswith="bench.").exclude(
        email__startswith="bench.signatory"
    )
    from django.db.models import Count
    from django.db.models.functions import Lower

    row["stored"] = created.count()
    row["duplicates"] = created.values(lower=Lower("email")).annotate(n=Count("pk")).filter(n__gt=1).count()
    from declaration.models import ConsentEvent

    row["consent_events"] = ConsentEvent.objects.filter(signature__in=created).count()
    new_mail = OutboundEmail.objects.filter(created__gte=start)
    row["mails_owed"] = new_mail.count()
    row["mails_per_signature"] = round(row["mails_owed"] / row["stored"], 3) if row["stored"] else None
    row["signatures_before"] = before_signatures
    row["mail_before"] = before_mail
    print(
        f"  signing: {row['signings_per_s']:.0f} signings/s ({row['rps']:.0f} req/s) p95 {row['p95_ms']:.1f} ms;"
        f" answered {row['signed']}, stored {row['stored']}, duplicates {row['duplicates']},"
        f" mails owed {row['mails_owed']}, errors {row['errors']}"
    )
    return row


# --- PDF ---------------------------------------------------------------------------------------

PDF_CANDIDATES = [
    ("partnership.plans.pdf", "render_plan_pdf_bytes"),  # (plan, revision): what the worker's task calls
    ("partnership.plans.pdf", "render_plan_pdf"),
]


def measure_pdf():
    """Render a published 30-action plan the way the worker does, timed (median of three)."""
    import importlib

    row = {"key": "pdf", "label": "PDF of a 30-action plan (worker function)"}
    function = None
    for module_name, name in PDF_CANDIDATES:
        try:
            function = getattr(importlib.import_module(module_name), name)
            row["function"] = f"{module_name}.{name}"
            break
        except (ImportError, AttributeError):
            continue
    if function is None:
        row["missing"] = "no PDF render function (looked for " + ", ".join(f"{m}.{n}" for m, n in PDF_CANDIDATES) + ")"
        print(f"  pdf: MISSING ({row['missing']})")
        return row
    try:
        plan = _published_plan()
        function(plan, plan.revisions.order_by("-number").first())  # warm: fonts, templates
        timings = []
        for _ in range(3):
            started = time.perf_counter()
            output = function(plan, plan.revisions.order_by("-number").first())
            timings.append(time.perf_counter() - started)
        row["seconds"] = statistics.median(timings)
        row["timings"] = timings
        row["bytes"] = len(output) if isinstance(output, bytes | bytearray) else None
        row["actions"] = plan.actions.count()
        print(f"  pdf: {row['seconds']:.2f} s for {row['actions']} actions")
    except Exception as exc:  # noqa: BLE001
        row["missing"] = f"{type(exc).__name__}: {exc}"[:200]
        print(f"  pdf: failed ({row['missing']})")
    return row


# --- Report ------------------------------------------------------------------------------------


def main():
    if not have_wrk():
        die("wrk is not installed: apt-get install -y wrk")
    started = time.monotonic()
    env = setup_environment()
    sizes = config.SIZES
    print(f"bench: {'QUICK ' if config.QUICK else ''}run, database {urlsplit(config.DATABASE_URL).path[1:]}")
    recreate_database()
    flush_redis()
    prepare_django()
    from bench import seed

    print("bench: seeding")
    t = time.monotonic()
    base = seed.run_part("organisations and people", seed.seed_base, sizes) or {}
    plans = seed.run_part("action plans", seed.seed_plans, sizes) or {}
    print(f"  organisations and people {base}, plans {plans} in {time.monotonic() - t:.1f} s")
    results = {"pages": [], "signing": [], "pdf": None}
    seeded = 0
    timing = {}
    for size in sizes["signatures"]:
        t = time.monotonic()
        count = seed.run_part("signatures", seed.seed_signatures, seeded, size)
        seeded = size if count is not None else seeded
        timing[f"seed_{size}"] = round(time.monotonic() - t, 1)
        print(f"bench: {size} signatures seeded in {timing[f'seed_{size}']} s; measuring")
        _analyze()
        flush_redis()
        with Server(env, config.PORT) as server:
            results["pages"] += measure_pages(server, PAGES, size)
            duration = config.SIGN_DURATION if size == sizes["signatures"][-1] else config.SIGN_DURATION_SMALL
            results["signing"].append(measure_signing(server, size, duration))
        flush_redis()
        with Server(env, config.NO_CACHE_PORT, {"BENCH_NO_CACHE": "true"}) as server:
            results["pages"] += measure_pages(server, UNCACHED, size)
    results["pdf"] = measure_pdf()
    report = build_report(results, sizes, time.monotonic() - started, timing)
    (config.BENCH_DIR / "results.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
    markdown = render_markdown(report)
    (config.BENCH_DIR / "results.md").write_text(markdown)
    print()
    print(markdown)


def _analyze():
    """Statistics, visibility map and a checkpoint now, so autovacuum and the checkpointer do not take
    the CPU in the middle of a measurement (they did after seeding 90,000 signatures)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM (ANALYZE)")
        cursor.execute("CHECKPOINT")


def _machine():
    cpu = ""
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):  # noqa: SIM115
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "cpu": cpu,
        "python": platform.python_version(),
        "postgres": _version(["psql", "--version"]),
        "redis": _version(["redis-server", "--version"]),
        "wrk": _version(["wrk", "--version"]),
    }


def _version(command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=10, check=False)  # noqa: S603
        return (result.stdout or result.stderr).strip().splitlines()[0][:120]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return ""


def build_report(results, sizes, elapsed, timing):
    ceilings = {r["size"]: r["rps"] for r in results["pages"] if r["key"] == "ceiling" and "rps" in r}
    for row in results["pages"] + results["signing"]:
        ceiling = ceilings.get(row.get("size"))
        if ceiling and row.get("rps") is not None and "pct_of_ceiling" not in row:
            row["pct_of_ceiling"] = round(100 * row["rps"] / ceiling, 1)
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "load_average_at_start": LOAD_AT_START,
        "quick": config.QUICK,
        "machine": _machine(),
        "server": f"gunicorn gthread, {config.WORKERS} workers x {config.THREADS} threads",
        "load": f"wrk, {config.WRK_THREADS} thread(s), {config.CONNECTIONS} connections, "
        f"{config.RUNS} runs x {config.DURATION} s per page (medians), loopback",
        "sizes": sizes,
        "elapsed_s": round(elapsed),
        "timing": timing,
        "targets": evaluate_targets(results, sizes),
        **results,
    }


def _row(results, key, size):
    return next((r for r in results["pages"] if r["key"] == key and r["size"] == size), None)


def evaluate_targets(results, sizes):
    """Each target of issue 9 with the measured figure and whether it is met (None: not measurable yet)."""
    large = sizes["signatures"][-1]
    targets = []

    def pct(key):
        row = _row(results, key, large)
        if not row or "rps" not in row:
            return None
        return row.get("pct_of_ceiling")

    for key, label, minimum in [
        ("declaration", "Declaration page ≥ 50% of ceiling", 50),
        ("plan", "Published plan page ≥ 50% of ceiling", 50),
        ("signatories_uncached", f"Signatory list at {large:,} uncached ≥ 15%", 15),
        ("signatories", f"Signatory list at {large:,} cached ≥ 70%", 70),
        ("api_signatories", "API signatories ≥ 15%", 15),
        ("api_organisations", "API organisations ≥ 15%", 15),
        ("api_action_plans", "API action plans ≥ 15%", 15),
    ]:
        value = pct(key)
        targets.append(
            {"target": label, "value": value, "unit": "%", "met": None if value is None else value >= minimum}
        )
    for cached in ("", "_uncached"):
        first, deep = _row(results, "signatories" + cached, large), _row(results, "signatories_deep" + cached, large)
        if first and deep and "rps" in first and "rps" in deep and deep["rps"]:
            ratio = round(first["rps"] / deep["rps"], 2)
            met = ratio <= 1.5
        else:
            ratio, met = None, None
        label = f"Deep signatory page within 1.5× of the first{' (uncached)' if cached else ''}"
        targets.append({"target": label, "value": ratio, "unit": "×", "met": met})
    signing = next((r for r in results["signing"] if r["size"] == large), None)
    if signing and "signings_per_s" in signing:
        targets.append(
            {
                "target": f"Signing ≥ 400/s sustained {signing['duration_s']} s",
                "value": round(signing["signings_per_s"]),
                "unit": "/s",
                "met": signing["signings_per_s"] >= 400,
            }
        )
        targets.append(
            {
                "target": "Signing p95 < 300 ms",
                "value": round(signing["p95_ms"], 1),
                "unit": "ms",
                "met": signing["p95_ms"] < 300,
            }
        )
        # Requests still in flight when wrk stops are stored but not counted as answered: at most one
        # per connection per run.
        in_flight = signing["stored"] - signing["signed"]
        clean = (
            signing["errors"] == 0
            and signing["duplicates"] == 0
            and signing.get("consent_events") == signing["stored"]
            and 0 <= in_flight <= config.CONNECTIONS * config.RUNS
        )
        targets.append(
            {
                "target": "Signing: zero errors, zero duplicates, each answered signing stored with its consent event",
                "value": f"{signing['errors']} errors, {signing['duplicates']} duplicates, "
                f"{signing['stored']} stored for {signing['signed']} answered ({in_flight} in flight at the end)",
                "unit": "",
                "met": clean,
            }
        )
        targets.append(
            {
                "target": "One confirmation mail owed per signature",
                "value": signing["mails_per_signature"],
                "unit": "per signature",
                "met": signing["mails_per_signature"] == 1,
            }
        )
    else:
        targets.append({"target": "Signing ≥ 400/s, p95 < 300 ms", "value": None, "unit": "", "met": None})
    pdf = results["pdf"] or {}
    seconds = pdf.get("seconds")
    targets.append(
        {
            "target": "PDF of a 30-action plan < 2 s",
            "value": round(seconds, 2) if seconds else None,
            "unit": "s",
            "met": None if seconds is None else seconds < 2,
        }
    )
    return targets


def _fmt(value, digits=0):
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def render_markdown(report):
    lines = [
        "# Benchmark results",
        "",
        f"Run {report['when']}{' (QUICK smoke run, not comparable)' if report['quick'] else ''}:"
        f" {report['machine']['cpus']} CPUs ({report['machine']['cpu']}), Python {report['machine']['python']},"
        f" {report['machine']['postgres']}, {report['machine']['redis']}."
        f" Load average before the run {report['load_average_at_start']},"
        f" after {report['machine']['load_average_at_end']}"
        " (a shared machine: other processes take CPU from both the server and the ceiling).",
        f"Server: {report['server']}, production settings (`coalition.bench_settings`). Load: {report['load']}.",
        f"Whole run {report['elapsed_s']} s. `% ceiling` = requests/s as a share of the bare Django view "
        "on the same server, measured in a run just before each of the page's runs (median of the three "
        "ratios; the ceiling row is its own first measurement). `alone ms (SQL ms)`: one request in the bench process "
        "with no load (median of five) and the time its SQL took: what limits the page.",
        "",
        "| Page or endpoint | Signatures | req/s | % ceiling | p50 ms | p95 ms | p99 ms | SQL/req | errors"
        " | alone ms (SQL ms) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in report["pages"] + report["signing"]:
        if "missing" in row:
            lines.append(f"| {row['label']} | {row['size']:,} | missing: {row['missing']} | | | | | | | |")
            continue
        label = row["label"]
        if row["key"] == "signing":
            label += f" — {_fmt(row['signings_per_s'])} signings/s"
        lines.append(
            f"| {label} | {row['size']:,} | {_fmt(row['rps'])} | {_fmt(row.get('pct_of_ceiling'), 1)} |"
            f" {_fmt(row['p50_ms'], 1)} | {_fmt(row['p95_ms'], 1)} | {_fmt(row['p99_ms'], 1)} |"
            f" {row.get('queries') if row.get('queries') is not None else '–'} | {row['errors']} |"
            f" {_fmt(row.get('app_ms'), 1)} ({_fmt(row.get('sql_ms'), 1)}) |"
        )
    pdf = report["pdf"] or {}
    lines += ["", "## Targets", "", "| Target | Measured | Met |", "| --- | --- | --- |"]
    for target in report["targets"]:
        value = target["value"]
        shown = "not measurable (feature missing)" if value is None else f"{value} {target['unit']}".strip()
        met = {True: "yes", False: "**no**", None: "–"}[target["met"]]
        lines.append(f"| {target['target']} | {shown} | {met} |")
    lines += ["", "## Signing detail", ""]
    for row in report["signing"]:
        if "missing" in row:
            lines.append(f"- {row['size']:,} signatures: missing ({row['missing']})")
        else:
            lines.append(
                f"- {row['size']:,} signatures, {config.RUNS} × {row['duration_s']} s: answered {row['signed']},"
                f" stored {row['stored']} with {row.get('consent_events', '–')} consent events,"
                f" duplicates {row['duplicates']}, mails owed {row['mails_owed']},"
                f" refused {row['refused']}, errors {row['errors']}; latency is per request (GET or POST)."
            )
    lines += ["", "## PDF", ""]
    if "missing" in pdf:
        lines.append(f"- missing: {pdf['missing']}")
    elif pdf:
        lines.append(f"- {pdf.get('function')}: median {pdf['seconds']:.2f} s for {pdf.get('actions')} actions")
    lines += ["", f"Seeding: {report['timing']}", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
