"""Load benchmark: the production configuration under concurrent readers, driven by Locust.

    .venv/bin/python benchmarks/load.py [--scenario one-page|reader-mix] [--users 20]
        [--seconds 60] [--workers 3] [--port 8104]
        [--database /tmp/hardening-load.sqlite3]   # built once (10,000 + 2,000 entries), reused
    make bench-load [BENCH_PORT=8104] [BENCH_ARGS="--scenario reader-mix --seconds 30"]

What it does:
1. Builds (once) a SQLite file with benchmarks/directory.py's 10,000 organisations and 2,000
   places, plus a programme of 30 events, and collects the static files.
2. Starts gunicorn with `portal.settings.production` (DEBUG off, a random SECRET_KEY,
   ALLOWED_HOSTS=127.0.0.1, HTTPS redirect off because there is no TLS on loopback, the API's
   rate limit off because every simulated reader shares one address) and the portal's own
   gunicorn.py.
3. Runs Locust headless (a separate `locust` process: it patches the standard library with
   gevent), `--users` users without pauses, for `--seconds`, once with the page cache off
   ("cold": every request builds its page) and once with it on ("warm"):
   - `one-page` (benchmarks/locust_one_page.py): every user requests the same address, one
     page kind after another; a static file served by the same server (WhiteNoise) is the
     ceiling.
   - `reader-mix` (benchmarks/locust_reader_mix.py): users request every page kind at random
     in reader-like proportions, all at once.
4. Prints requests/s, the 50th, 95th and 99th percentiles and the number of errors (status
   >= 400 or no answer) per page kind, then stops gunicorn.

With `--reference DIR` (a bakerydemo checkout with its own virtualenv, see docs/benchmarks.md)
it instead compares five page kinds, page cache off, with their bakerydemo counterparts served
the same way on `--reference-port` (benchmarks/reference_site.py): req/s, p50, p95 and CPU ms
per request of both, and the ratios.

Run on demand only, never in the test suite. `one-page` lasts about 15 x `--seconds`,
`reader-mix` about 2 x `--seconds`, `--reference` about 10 x `--seconds`.
"""

import argparse
import csv
import http.client
import json
import os
import secrets
import signal
import subprocess  # noqa: S404 - starts gunicorn, locust and the builder
import sys
import tempfile
import time
from pathlib import Path

import reference_site

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
LOCUST = str(Path(sys.executable).with_name("locust"))
SCENARIOS = {
    "one-page": ROOT / "benchmarks" / "locust_one_page.py",
    "reader-mix": ROOT / "benchmarks" / "locust_reader_mix.py",
}


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
        PORTAL_API_RATE_LIMIT="0",
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


def static_path(static_root):
    """A fingerprinted static file from the manifest WhiteNoise serves."""
    manifest = json.loads((static_root / "staticfiles.json").read_text())
    return "/static/" + manifest["paths"]["css/portal.css"]


def pages(static_root, theme_slug):
    """(page kind, address, weight in the reader mix) of each page kind measured."""
    return [
        ("static file (ceiling)", static_path(static_root), 4),
        ("home page", "/fr/", 3),
        ("directory, two facets", f"/fr/annuaire/?type=association&theme={theme_slug}", 2),
        ("organisation page", "/fr/annuaire/organisationpage-42/", 4),
        ("programme", "/fr/programme/", 2),
        ("event page", "/fr/programme/atelier-3/", 3),
        ("iCal feed", "/fr/programme/calendar/", 1),
        ("directory API", "/api/v1/directory/organisations/?lang=fr", 1),
    ]


def locust(scenario, port, users, seconds, output, extra):
    """Run one headless Locust and return its statistics rows, one per page kind."""
    prefix = output / "locust"
    command = [
        LOCUST,
        "-f",
        str(SCENARIOS[scenario]),
        "--headless",
        "--only-summary",
        "--host",
        f"http://127.0.0.1:{port}",
        "--users",
        str(users),
        "--spawn-rate",
        str(users),
        "--run-time",
        f"{seconds:g}s",
        "--stop-timeout",
        "10",
        "--csv",
        str(prefix),
        "--exit-code-on-error",
        "0",
        *extra,
    ]
    with open(output / "locust.log", "a") as log:
        subprocess.run(command, cwd=ROOT, stdout=log, stderr=log, check=True)  # noqa: S603
    with open(f"{prefix}_stats.csv", newline="") as stats:
        return [row for row in csv.DictReader(stats) if row["Name"] != "Aggregated"]


def report(label, row):
    if row is None or not int(row["Request Count"]):
        return f"{label:<34} {'-':>8} {'-':>8} {'-':>8} {'-':>8} {'-':>6}"
    return (
        f"{label:<34} {float(row['Requests/s']):>8.1f} {row['50%']:>8} {row['95%']:>8} "
        f"{row['99%']:>8} {row['Failure Count']:>6}"
    )


def measure(args, state, pages_list, output):
    """Yield the printed rows for one server state ("cold" or "warm"), as they are measured."""
    if args.scenario == "reader-mix":
        mix = json.dumps([[kind, path, weight] for kind, path, weight in pages_list])
        rows = locust("reader-mix", args.port, args.users, args.seconds, output, ["--pages", mix])
        by_kind = {row["Name"]: row for row in rows}
        for kind, _path, _weight in pages_list:
            yield report(f"{kind} ({state})", by_kind.get(kind))
        return
    for kind, path, _weight in pages_list:
        if kind.startswith("static") and state == "cold":
            continue
        extra = ["--page-kind", kind, "--page-path", path]
        rows = locust("one-page", args.port, args.users, args.seconds, output, extra)
        yield report(f"{kind} ({state})", rows[0] if rows else None)


def compare_with_reference(args, env, pages_list, database):
    print(
        f"Locust scenario one-page: {args.users} users, {args.seconds:g} s per row, gunicorn "
        f"{args.workers} workers x 2 threads (portal/gunicorn.py) for both sites, page cache off; "
        f"portal.settings.production, SQLite {database}; bakerydemo {args.reference} "
        f"({args.reference_settings})",
        flush=True,
    )
    with tempfile.TemporaryDirectory(prefix="halles-locust-") as output:

        def one_page(port, kind, path):
            extra = ["--page-kind", kind, "--page-path", path]
            return locust("one-page", port, args.users, args.seconds, Path(output), extra)

        for line in reference_site.compare(args, env, pages_list, one_page):
            print(line, flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=sorted(SCENARIOS), default="one-page")
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--port", type=int, default=8104)
    default_database = Path(tempfile.gettempdir()) / "hardening-load.sqlite3"
    parser.add_argument("--database", default=str(default_database))
    parser.add_argument("--reference", metavar="DIR", help="a bakerydemo checkout to compare with")
    parser.add_argument("--reference-port", type=int, help="its port (default: --port + 1)")
    parser.add_argument("--reference-settings", default="bakerydemo.settings.production")
    args = parser.parse_args()
    args.reference_port = args.reference_port or args.port + 1

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
    pages_list = pages(static_root, theme_slug)
    if args.reference:
        compare_with_reference(args, env, pages_list, database)
        return

    print(
        f"Locust scenario {args.scenario}: {args.users} users, {args.seconds:g} s per row, "
        f"gunicorn {args.workers} workers x 2 threads, portal.settings.production, "
        f"SQLite {database}",
        flush=True,
    )
    print(
        f"{'page kind':<34} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>6}",
        flush=True,
    )
    # "cold": the page cache off, every request builds its page; "warm": the cache on (and
    # filled by a first request), as readers mostly meet it.
    with tempfile.TemporaryDirectory(prefix="halles-locust-") as output:
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
                for line in measure(args, state, pages_list, Path(output)):
                    print(line, flush=True)
            finally:
                server.send_signal(signal.SIGTERM)
                server.wait(timeout=60)


if __name__ == "__main__":
    main()
