"""Load benchmark: the production configuration under concurrent readers, from another process.

    .venv/bin/python benchmarks/load.py [--users 20] [--seconds 60] [--workers 3]
        [--database /tmp/hardening-load.sqlite3]   # built once (10,000 + 2,000 entries), reused

What it does:
1. Builds (once) a SQLite file with benchmarks/directory.py's 10,000 organisations and 2,000
   places, plus a programme of 30 events, and collects the static files.
2. Starts gunicorn with `portal.settings.production` (DEBUG off, a random SECRET_KEY,
   ALLOWED_HOSTS=127.0.0.1, HTTPS redirect off because there is no TLS on loopback) and the
   portal's own gunicorn.py.
3. For each scenario, `--users` concurrent clients (threads of this separate process, keep-
   alive connections on loopback) request the same address for `--seconds`: once with the
   page cache off ("cold": every request builds its page) and once with it on ("warm"). A
   static file served by the same server (WhiteNoise) is the ceiling.
4. Prints requests/s, p50, p95 and the number of errors (status >= 400 or no answer), then
   stops gunicorn.

Run on demand only, never in the test suite. Each scenario runs `--seconds` twice, so the
whole run lasts about 13 x `--seconds`.
"""

import argparse
import http.client
import os
import secrets
import signal
import statistics
import subprocess  # noqa: S404 - starts gunicorn and the builder
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def prepare(database, static_root):
    """Build the database in a child process (it needs Django set up for the test layer)."""
    if database.exists():
        return
    loader = ROOT / "benchmarks" / "directory.py"
    code = f"""
import sys, datetime as dt, importlib.util
sys.path.insert(0, {str(ROOT)!r})
spec = importlib.util.spec_from_file_location("bench", {str(loader)!r})
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)
bench.setup_django({str(database)!r})
index, themes = bench.build(10_000, 2_000)
from django.utils import timezone
from programme.models import EventPage, ProgrammePage
home = index.get_parent()
programme = home.add_child(instance=ProgrammePage(title="Programme", slug="programme",
    locale=home.locale))
programme.save_revision().publish()
start = timezone.now().replace(minute=0, second=0, microsecond=0)
for n in range(30):
    begins = start + dt.timedelta(days=n + 1, hours=18 - start.hour)
    event = programme.add_child(instance=EventPage(title=f"Atelier {{n}}", slug=f"atelier-{{n}}",
        start=begins, end=begins + dt.timedelta(hours=2), locale=home.locale,
        summary="Un atelier ouvert."))
    event.save_revision().publish()  # publishing indexes the event too
"""
    subprocess.run([PYTHON, "-c", code], cwd=ROOT, check=True)  # noqa: S603


def production_env(database, static_root, port, workers):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        DATABASE_URL=f"sqlite:///{database}",
        STATIC_ROOT=str(static_root),
        SECURE_SSL_REDIRECT="false",
        SECURE_HSTS_SECONDS="0",
        GUNICORN_BIND=f"127.0.0.1:{port}",
        GUNICORN_WORKERS=str(workers),
        GUNICORN_THREADS="2",
        LOG_LEVEL="ERROR",
    )
    return env


def bring_up_to_date(env):
    """A reused database and static folder follow the code: migrate, then collect."""
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
        subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)  # noqa: S603


def wait_until_up(port, process, limit=60):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn stopped during start-up")
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status in (200, 503):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("gunicorn did not answer in time")


def hammer(port, path, users, seconds):
    """`users` threads requesting `path` until `seconds` pass. Returns (latencies, errors)."""
    latencies, errors, lock = [], [0], threading.Lock()
    stop_at = time.monotonic() + seconds

    def user():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        mine, failed = [], 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers={"Host": "127.0.0.1"})
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            mine.append(time.perf_counter() - started)
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    threads = [threading.Thread(target=user) for _ in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return latencies, errors[0]


def static_path(static_root):
    """A fingerprinted static file from the manifest WhiteNoise serves."""
    import json

    manifest = json.loads((static_root / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/portal.css"]


def report(label, latencies, errors, seconds):
    if not latencies:
        return f"{label:<34} {'-':>8} {'-':>8} {'-':>8} {errors:>6}"
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (
        f"{label:<34} {len(latencies) / seconds:>8.1f} "
        f"{statistics.median(ordered) * 1000:>8.0f} {p95 * 1000:>8.0f} {errors:>6}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8104)
    default_database = Path(tempfile.gettempdir()) / "hardening-load.sqlite3"
    parser.add_argument("--database", default=str(default_database))
    args = parser.parse_args()

    database = Path(args.database)
    static_root = Path(f"{database}.static")
    prepare(database, static_root)
    env = production_env(database, static_root, args.port, args.workers)
    bring_up_to_date(env)

    theme = subprocess.run(  # noqa: S603
        [PYTHON, "-c", "from directory.models import Theme; print(Theme.objects.first().slug)"],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "portal.settings.test"},
        capture_output=True,
        text=True,
        check=False,
    )
    theme_slug = (theme.stdout.strip().splitlines() or ["civic-tech"])[-1]
    scenarios = [
        ("static file (ceiling)", static_path(static_root)),
        ("home page", "/fr/"),
        ("directory, two facets", f"/fr/annuaire/?type=association&theme={theme_slug}"),
        ("organisation page", "/fr/annuaire/organisationpage-42/"),
        ("programme", "/fr/programme/"),
        ("event page", "/fr/programme/atelier-3/"),
        ("iCal feed", "/fr/programme/calendar/"),
    ]

    print(
        f"{args.users} users, {args.seconds:g} s per row, gunicorn {args.workers} workers x 2 "
        f"threads, portal.settings.production, SQLite {database}",
        flush=True,
    )
    print(f"{'request':<34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6}", flush=True)
    # "cold": the page cache off, every request builds its page; "warm": the cache on (and
    # filled by a first request), as readers mostly meet it.
    for state, cache_seconds in (("cold", "0"), ("warm", "300")):
        server = subprocess.Popen(  # noqa: S603
            [GUNICORN, "-c", "portal/gunicorn.py", "portal.wsgi"],
            cwd=ROOT,
            env={**env, "PORTAL_PAGE_CACHE_SECONDS": cache_seconds},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            wait_until_up(args.port, server)
            for label, path in scenarios:
                if label.startswith("static") and state == "cold":
                    continue
                latencies, errors = hammer(args.port, path, args.users, args.seconds)
                print(report(f"{label} ({state})", latencies, errors, args.seconds), flush=True)
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=60)


if __name__ == "__main__":
    main()
