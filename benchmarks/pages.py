"""Every kind of page rendered from scratch: SQL queries and CPU time, and what the site
furniture (menu, footer, language links, site settings) costs cold and warm.

    .venv/bin/python benchmarks/pages.py --database /tmp/pages-bench.sqlite3 [--runs 20]

The first run migrates the SQLite file and loads the demo content (`load_demo`, a few
minutes); later runs reuse it. Requests go through Django's test client in this process with
the production cache setting (Django's file cache, in a temporary directory) and the page cache
off, so every request renders its page. For each page kind it prints the queries of a request
and the median CPU time of `--runs` requests; then the median time of the furniture alone,
rendered as base.html renders it, with its fragments cold (cache emptied before each render)
and warm. Run on demand only, never by the tests.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FURNITURE = (
    "{% load language_tags navigation_tags %}{% language_links as lang_links %}"
    '{% include "components/language_switcher.html" with links=lang_links %}'
    "{% main_menu %}{% site_footer %}"
)


def setup_django(database, cache_dir):
    sys.path.insert(0, str(ROOT))
    os.environ.update(
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        DEBUG="false",
        ALLOWED_HOSTS="testserver",
        CACHE_URL=f"filecache://{cache_dir}",
        PORTAL_PAGE_CACHE_SECONDS="0",
        MEDIA_ROOT=str(Path(database).with_suffix(".media")),
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from home.models import HomePage

    # Not "a page at depth 2": migrating creates Wagtail's welcome page there.
    if not HomePage.objects.exists():
        print("Loading the demo content (once)...", flush=True)
        call_command("load_demo", "--no-admin", verbosity=0)


def page_kinds():
    """The first live page of each type, French and English."""
    from wagtail.models import Page

    kinds = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        suffix = "" if page.locale.language_code == "fr" else " (en)"
        kinds.setdefault(f"{type(page).__name__}{suffix}", page.url)
    return kinds


def measure_pages(client, runs):
    from django.db import connection

    def counted(execute, *args):
        queries.append(args[0])
        return execute(*args)

    print(f"{'page kind':32} {'queries':>7} {'CPU ms (median)':>16}")
    for kind, url in sorted(page_kinds().items()):
        client.get(url)  # fills the fragments, compiles the templates
        queries = []
        with connection.execute_wrapper(counted):
            assert client.get(url).status_code == 200, url
        cpu = []
        for _ in range(runs):
            began = time.process_time()
            client.get(url)
            cpu.append((time.process_time() - began) * 1000)
        print(f"{kind:32} {len(queries):7} {statistics.median(cpu):16.1f}")


def furniture_ms(page, runs, cold):
    from django.core.cache import cache
    from django.template import engines
    from django.test import RequestFactory
    from django.utils import translation
    from wagtail.models import Site

    template = engines["django"].from_string(FURNITURE)
    site = Site.objects.get(is_default_site=True)
    samples = []
    with translation.override(page.locale.language_code):
        for _ in range(runs + 1):
            request = RequestFactory().get(page.url)
            request._wagtail_site = site  # found by the page's routing, before the furniture
            if cold:
                cache.clear()
            began = time.process_time()
            template.render({"page": page}, request)
            samples.append((time.process_time() - began) * 1000)
    return statistics.median(samples[1:])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, help="SQLite file, built on first use")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache_dir:
        setup_django(args.database, cache_dir)
        from django.test import Client
        from wagtail.models import Page

        measure_pages(Client(), args.runs)
        print("\nfurniture: menu, footer, language links, site settings (file cache)")
        for page in (Page.objects.get(depth=2, locale__language_code="fr").specific,):
            for cold in (True, False):
                label = "cold (rebuilt)" if cold else "warm (from the cache)"
                ms = furniture_ms(page, args.runs * 10, cold)
                print(f"  {label:24} {ms:.3f} ms per page")


if __name__ == "__main__":
    main()
