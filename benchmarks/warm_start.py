"""How long a fresh gunicorn worker takes to answer its first request.

    .venv/bin/python benchmarks/warm_start.py --database /tmp/pages-bench.sqlite3 [--port 8105]
        [--cold]      # without the warm-up and the preload, as before (PORTAL_WARM_UP=false,
                      # GUNICORN_PRELOAD=false)

Uses the database benchmarks/pages.py builds (demo content) and collects the static files
into a temporary directory first. Starts gunicorn with
portal/gunicorn.py and `portal.settings.production` (one worker), and prints:
- start: from launching gunicorn to the first answer of the home page;
- first request: the first request's own time, sent as soon as the port accepts;
- second request: the same page again, from the same worker;
- replaced worker: the worker is stopped, gunicorn starts another, and the page is asked at
  once: the time until that new worker answers.
Run on demand only.
"""

import argparse
import os
import secrets
import signal
import subprocess  # noqa: S404 - starts gunicorn
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))


def get(url, timeout=120):
    began = time.perf_counter()
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - localhost
        response.read()
        assert response.status == 200, response.status
    return time.perf_counter() - began


def workers(master):
    out = subprocess.run(  # noqa: S603
        ["/usr/bin/pgrep", "-P", str(master)], capture_output=True, text=True, check=False
    )
    return {int(pid) for pid in out.stdout.split()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True)
    parser.add_argument("--port", type=int, default=8105)
    parser.add_argument("--cold", action="store_true", help="no warm-up, no preload")
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    with tempfile.TemporaryDirectory() as tmp:
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": f"sqlite:///{args.database}",
            "CACHE_URL": f"filecache://{tmp}/cache",
            "PORTAL_PAGE_CACHE_SECONDS": "0",
            "STATIC_ROOT": f"{tmp}/static",
            "MEDIA_ROOT": str(Path(args.database).with_suffix(".media")),
            "LOG_LEVEL": "ERROR",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            "GUNICORN_BIND": f"127.0.0.1:{args.port}",
            "GUNICORN_WORKERS": "1",
            "PORTAL_WARM_UP": "false" if args.cold else "true",
            "GUNICORN_PRELOAD": "false" if args.cold else "true",
        }
        subprocess.run(  # noqa: S603 - the manifest production's static storage reads
            [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=ROOT,
            env=env,
            check=True,
        )
        log = open(Path(tmp) / "gunicorn.log", "wb")  # noqa: SIM115 - closed below
        began = time.perf_counter()
        server = subprocess.Popen(  # noqa: S603
            [GUNICORN, "-c", "portal/gunicorn.py", "portal.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        )
        try:
            deadline = time.monotonic() + 300
            while True:  # the port opens before a worker is ready (without preload)
                try:
                    first = get(base + "/fr/")
                    break
                except (ConnectionError, OSError):
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise SystemExit((Path(tmp) / "gunicorn.log").read_text()) from None
                    time.sleep(0.05)
            start = time.perf_counter() - began
            second = get(base + "/fr/")
            old = workers(server.pid)
            for pid in old:
                os.kill(pid, signal.SIGTERM)
            while not (workers(server.pid) - old):
                time.sleep(0.02)
            replaced = get(base + "/fr/")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
            log.close()
    label = "cold (no warm-up, no preload)" if args.cold else "warm-up + preload"
    print(f"{label}: start to first page {start:.2f} s; first request {first:.2f} s;")
    print(f"  second request {second:.3f} s; first request of a replaced worker {replaced:.2f} s")


if __name__ == "__main__":
    main()
