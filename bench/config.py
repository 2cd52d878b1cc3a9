"""What the benchmark runs with, from the environment (defaults for the project's machines and CI)."""

import os
import secrets
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
LUA_DIR = BENCH_DIR / "wrk"
VAR_DIR = ROOT / "var"

QUICK = os.environ.get("BENCH_QUICK", "") not in ("", "0", "false")


def _with_path(url, path):
    """``url`` on the same server with another database: the bench drops and flushes its own only."""
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


# The server comes from DATABASE_URL / REDIS_URL; the database is always the bench's own
# (coalition_bench, Redis database 2), because every run drops and recreates it. Override with
# BENCH_DATABASE_URL / BENCH_REDIS_URL.
DATABASE_URL = os.environ.get("BENCH_DATABASE_URL") or _with_path(
    os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/", "/coalition_bench"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL") or _with_path(
    os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/", "/2"
)

# Data set: the sizes; a quick smoke run uses a tenth of them.
SIZES = {
    "signatures": [10_000, 100_000] if not QUICK else [1_000, 5_000],
    "organisations": 2_000 if not QUICK else 200,
    "people": 20_000 if not QUICK else 2_000,
    "plans": 50 if not QUICK else 5,
    "actions": 30,
    "revisions": 100 if not QUICK else 10,
}

RUNS = int(os.environ.get("BENCH_RUNS", 3 if not QUICK else 1))
DURATION = int(os.environ.get("BENCH_DURATION", 5 if not QUICK else 2))  # seconds per page run
SIGN_DURATION = int(os.environ.get("BENCH_SIGN_DURATION", 60 if not QUICK else 3))  # at the largest size
SIGN_DURATION_SMALL = int(os.environ.get("BENCH_SIGN_DURATION_SMALL", 10 if not QUICK else 2))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", 16))
WRK_THREADS = int(os.environ.get("BENCH_WRK_THREADS", 1))
WORKERS = int(os.environ.get("BENCH_WORKERS", 2))
THREADS = int(os.environ.get("BENCH_THREADS", 4))


def _free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# Free loopback ports (another server may hold any fixed one on a shared machine).
PORT = int(os.environ.get("BENCH_PORT", 0)) or _free_port()
NO_CACHE_PORT = _free_port()


def environment():
    """The environment of the bench process and its servers: production settings plus the ceiling."""
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "coalition.bench_settings",
            "DJANGO_DEBUG": "false",
            "DATABASE_URL": DATABASE_URL,
            "REDIS_URL": REDIS_URL,
            "DJANGO_SECRET_KEY": os.environ.get("BENCH_SECRET_KEY") or secrets.token_urlsafe(50),
            "DJANGO_CONN_MAX_AGE": os.environ.get("DJANGO_CONN_MAX_AGE", "600"),
        }
    )
    return env
