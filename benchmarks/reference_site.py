"""The portal against Wagtail's reference site, bakerydemo: `benchmarks/load.py --reference DIR`.

DIR is a checkout of https://github.com/wagtail/bakerydemo with its own virtualenv in DIR/.venv
(gunicorn installed in it), its database loaded and its static files collected; docs/benchmarks.md
says how. Nothing of bakerydemo belongs in this repository.

Both sites are served in turn for each pair, never at once, by gunicorn with the portal's own
settings file (portal/gunicorn.py: same workers, threads, preloading, keep-alive), the portal
with its page cache off; bakerydemo has no page cache. Each pair of comparable page kinds is
driven by the same Locust one-page scenario. CPU time is the gunicorn master's and workers'
user + system time read from /proc (Linux) before and after each page kind, workers already
replaced included, divided by the requests answered: Locust's own CPU is not in it.
"""

import http.client
import os
import re
import secrets
import signal
import subprocess  # noqa: S404 - starts the two servers
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
GUNICORN_SETTINGS = ROOT / "portal" / "gunicorn.py"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# (portal page kind, as named in load.pages(); the bakerydemo page it is compared with, and its
# address, or the index whose first linked child is the page)
PAIRS = [
    ("home page", "home page", "/"),
    ("directory, two facets", "blog index", "/blog/"),
    ("programme", "breads index", "/breads/"),
    ("organisation page", "blog post", ("/blog/", r"/blog/(?!tags/)[\w-]+/")),
    ("event page", "location page", ("/locations/", r"/locations/[\w-]+/")),
]


def cpu_seconds(master):
    """User + system time of gunicorn: the master, its live workers, and the workers it reaped."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        # fields[1] is the parent's id; 11 and 12 user and system time; 13 and 14 the same for
        # the children it has waited for (gunicorn reaps the workers it replaces).
        if int(stat.parent.name) == master:
            ticks += sum(int(value) for value in fields[11:15])
        elif int(fields[1]) == master:
            ticks += int(fields[11]) + int(fields[12])
    return ticks / CLOCK_TICKS


def get(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


@contextmanager
def serve(command, cwd, env, port, probe):
    """Run gunicorn until the block ends; `probe` answers (any status below 500) once it is up."""
    server = subprocess.Popen(  # noqa: S603
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 90
        while True:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"gunicorn in {cwd} did not start")
            try:
                if get(port, probe)[0] < 500:
                    break
            except OSError:
                time.sleep(0.3)
        yield server
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)


def reference_env(args):
    """bakerydemo's production settings from the environment, served like the portal."""
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    secret = secrets.token_urlsafe(64)
    env.update(
        DJANGO_SETTINGS_MODULE=args.reference_settings,
        SECRET_KEY=secret,
        DJANGO_SECRET_KEY=secret,
        ALLOWED_HOSTS="127.0.0.1",  # one host: upstream splits its variable on ";", not ","
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_DEBUG="off",
        GUNICORN_BIND=f"127.0.0.1:{args.reference_port}",
        GUNICORN_WORKERS=str(args.workers),
        GUNICORN_THREADS="2",
    )
    return env


def reference_path(port, where):
    """A pair's bakerydemo address; a post and a location are the first ones linked."""
    if not isinstance(where, tuple):
        return where
    index, pattern = where
    found = re.search(f'href="({pattern})"', get(port, index)[1])
    if not found:
        raise SystemExit(f"bakerydemo: no link matching {pattern} on {index}")
    return found.group(1)


def measure(server, port, name, path, locust):
    """figures() of one page under Locust, after one request to warm up (bakerydemo makes
    its image renditions on a page's first request)."""
    status, _body = get(port, path)
    if status != 200:
        raise SystemExit(f"{path} on port {port} answered {status}")
    before = cpu_seconds(server.pid)
    rows = locust(port, name, path)
    return figures(rows[0] if rows else None, cpu_seconds(server.pid) - before)


def figures(row, cpu):
    """req/s, p50, p95, CPU ms per request, kB of HTML (None when nothing was answered)."""
    count = int(row["Request Count"]) if row else 0
    if not count:
        return None
    size = float(row["Average Content Size"]) / 1000
    return float(row["Requests/s"]), int(row["50%"]), int(row["95%"]), 1000 * cpu / count, size


def line(site, kind, values):
    if values is None:
        return f"{site:<11} {kind:<22} {'-':>8} {'-':>7} {'-':>7} {'-':>10} {'-':>6}"
    rate, p50, p95, cpu, size = values
    return f"{site:<11} {kind:<22} {rate:>8.1f} {p50:>7} {p95:>7} {cpu:>10.1f} {size:>6.1f}"


def compare(args, portal_env, portal_pages, locust):
    """Yield the printed lines: each pair, portal then bakerydemo, and the ratios. The two
    servers take turns for every pair, so that both meet about the same machine load."""
    directory = Path(args.reference).resolve()
    addresses = {kind: path for kind, path, _weight in portal_pages}
    settings = ["-c", str(GUNICORN_SETTINGS)]
    portal = (
        [GUNICORN, *settings, "portal.wsgi"],
        ROOT,
        {**portal_env, "PORTAL_PAGE_CACHE_SECONDS": "0"},
        args.port,
        "/healthz",
    )
    reference = (
        [str(directory / ".venv" / "bin" / "gunicorn"), *settings, "bakerydemo.wsgi"],
        directory,
        reference_env(args),
        args.reference_port,
        "/",
    )
    yield (
        f"{'site':<11} {'page kind':<22} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'CPU ms/req':>10} {'kB':>6}"
    )
    for kind, reference_kind, where in PAIRS:
        with serve(*portal) as server:
            ours = measure(server, args.port, kind, addresses[kind], locust)
        with serve(*reference) as server:
            path = reference_path(args.reference_port, where)
            bakery = measure(server, args.reference_port, reference_kind, path, locust)
        yield line("portal", kind, ours)
        yield line("bakerydemo", reference_kind, bakery)
        if ours and bakery:
            yield (
                f"{'':<11} {'ratio portal/bakerydemo':<22} {ours[0] / bakery[0]:>7.2f}x "
                f"{'':>15} {ours[3] / bakery[3]:>9.2f}x"
            )
