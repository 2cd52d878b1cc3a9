"""The load side: a gunicorn server with production settings and wrk runs against it over loopback."""

import json
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

from bench import config


class Server:
    """gunicorn with gthread workers, as production runs it (see Dockerfile), on 127.0.0.1."""

    def __init__(self, env, port, extra_env=None):
        self.port = port
        self.env = {**env, **(extra_env or {})}
        self.process = None
        self.log_path = config.VAR_DIR / f"bench-gunicorn-{port}.log"

    @property
    def base(self):
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        gunicorn = str(config.ROOT / ".venv" / "bin" / "gunicorn")
        if not shutil.which(gunicorn):
            gunicorn = shutil.which("gunicorn") or gunicorn
        command = [
            gunicorn,
            "coalition.wsgi:application",
            "--worker-class",
            "gthread",
            "--workers",
            str(config.WORKERS),
            "--threads",
            str(config.THREADS),
            "--bind",
            f"127.0.0.1:{self.port}",
            # Each worker holds at most its share of wrk's connections: otherwise the kernel hands
            # the 16 keep-alive connections to the two workers unevenly (12/4, say), one worker's GIL
            # becomes the limit while the other idles, and figures moved by 2x between runs.
            "--worker-connections",
            str(max(1, -(-config.CONNECTIONS // config.WORKERS))),
            "--backlog",
            "2048",
            "--keep-alive",
            "5",
            "--log-level",
            "warning",
            "--error-logfile",
            str(self.log_path),
        ]
        self.process = subprocess.Popen(command, cwd=config.ROOT, env=self.env)  # noqa: S603
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/bench/ceiling", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.3)
        self.__exit__(None, None, None)
        raise RuntimeError(f"gunicorn did not answer on {self.base}; see {self.log_path}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def fetch(url, data=None, headers=None):
    """(status, headers, body) of one request; redirects are not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, data=data, headers=headers or {})  # noqa: S310
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers, exc.read().decode("utf-8", "replace")


def wrk(url, script, duration, connections=None, extra_env=None):
    """One wrk run; the JSON its Lua ``done`` prints, with requests/s worked out."""
    env = {"BENCH_LUA_DIR": str(config.LUA_DIR), **(extra_env or {})}
    command = [
        "wrk",
        "-t",
        str(config.WRK_THREADS),
        "-c",
        str(connections or config.CONNECTIONS),
        "-d",
        f"{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(config.LUA_DIR / script),
        url,
    ]
    result = subprocess.run(  # noqa: S603
        command, capture_output=True, text=True, env={**_base_env(), **env}, timeout=duration + 60, check=False
    )
    match = re.search(r"^BENCHJSON (\{.*\})$", result.stdout, re.MULTILINE)
    if not match:
        raise RuntimeError(f"wrk gave no summary: {result.stdout[-500:]} {result.stderr[-500:]}")
    data = json.loads(match.group(1))
    seconds = data["duration_us"] / 1e6
    data["rps"] = data["requests"] / seconds if seconds else 0.0
    data["seconds"] = seconds
    data["errors"] = sum(data[key] for key in data if key.startswith("errors_"))
    return data


def _base_env():
    import os

    return dict(os.environ)


def measure(url, runs=None, duration=None, script="get.lua", extra_env=None, connections=None, ceiling_url=None):
    """``runs`` wrk runs after a short warm-up; medians of each figure, and every run kept.

    With ``ceiling_url``, each run is preceded by a run of the ceiling on the same server, and the
    page's share of the ceiling is worked out from those neighbours: on a shared machine whose
    background load drifts, a page is compared with the ceiling as fast as the machine was then.
    """
    runs = runs or config.RUNS
    duration = duration or config.DURATION
    wrk(url, script, 1, connections=connections, extra_env=extra_env)  # warm-up: connections, caches
    samples, ceilings = [], []
    for _ in range(runs):
        if ceiling_url:
            ceilings.append(wrk(ceiling_url, "get.lua", duration, connections=connections))
        samples.append(wrk(url, script, duration, connections=connections, extra_env=extra_env))
    summary = {
        "rps": statistics.median(s["rps"] for s in samples),
        "p50_ms": statistics.median(s["p50_us"] for s in samples) / 1000,
        "p95_ms": statistics.median(s["p95_us"] for s in samples) / 1000,
        "p99_ms": statistics.median(s["p99_us"] for s in samples) / 1000,
        "errors": sum(s["errors"] for s in samples),
        "requests": sum(s["requests"] for s in samples),
        "runs": samples,
    }
    ratios = [s["rps"] / c["rps"] for s, c in zip(samples, ceilings, strict=False) if c["rps"]]
    if ratios:
        summary["ceiling_rps"] = statistics.median(c["rps"] for c in ceilings)
        summary["pct_of_ceiling"] = round(100 * statistics.median(ratios), 1)
    return summary


def have_wrk():
    return shutil.which("wrk") is not None


def die(message):
    print(message, file=sys.stderr)
    sys.exit(1)
