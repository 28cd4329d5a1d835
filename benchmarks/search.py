"""Search benchmark: bulk-load a large directory and programme, then time every search path.

Run on demand, never in the test suite, on a database of its own (created and migrated here):

    # SQLite, Wagtail's database backend (SQLite FTS5, with search.database_backend)
    DATABASE_URL=sqlite:////tmp/search-bench.sqlite3 python benchmarks/search.py
    # PostgreSQL's database backend and Elasticsearch 8, on one PostgreSQL database
    export DATABASE_URL="$(bash scripts/services.sh postgres-start)"
    export SEARCH_URL="elasticsearch://127.0.0.1:59200/bench"  # elasticsearch-start prints it
    python benchmarks/search.py

It loads (once; a second run reuses the data) 10,000 organisations, 2,000 places and 5,000
events in French, in bulk (one INSERT per 500 pages and per 500 specific rows). Then, for each
configured backend (the database backend; with SEARCH_URL, Elasticsearch and its database
fallback), it times the full index rebuild (`update_index`) and prints p50/p95 over `--repeat`
queries of: text search (`search.query.search_pages` over the directory), search + facets
(the directory page's work), autocomplete, and the site search page (a full request through
Django's test client, page cache off). A table of every backend ends the output.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")

import django  # noqa: E402

django.setup()

import datetime as dt  # noqa: E402

from django.conf import settings  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from directory.filters import DirectorySearch  # noqa: E402
from directory.models import DirectoryIndexPage, OrganisationPage, PlacePage  # noqa: E402
from home.models import HomePage  # noqa: E402
from programme.models import EventPage, ProgrammePage  # noqa: E402
from search.models import SearchPage  # noqa: E402
from search.query import autocomplete, search_pages  # noqa: E402

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
NAMES = [
    "Atelier", "Collectif", "Laboratoire", "Maison", "Réseau", "Fabrique", "Tiers-lieu",
    "Association", "Coopérative", "Jardin", "Café", "Forum", "Académie", "Agence",
]  # fmt: skip
WORDS = [
    "citoyen", "citoyenne", "citoyens", "numérique", "démocratie", "participative", "solidaire",
    "écologique", "ouverte", "locale", "quartier", "habitants", "jeunesse", "culture",
    "données", "transparence", "énergie", "alimentation", "mobilité", "logement", "santé",
    "éducation", "emploi", "budget", "concertation", "innovation", "sociale", "publique",
]  # fmt: skip
CITIES = ["Paris", "Lyon", "Marseille", "Lille", "Nantes", "Bordeaux", "Rennes", "Grenoble"]
QUERIES = [
    "citoyens", "democratie", "numérique solidaire", "jardin", "habitants quartier",
    "données ouvertes", "énergie", "laboratoire citoyen", "transparence", "culture jeunesse",
]  # fmt: skip
PREFIXES = ["cit", "dem", "lab", "jar", "fab", "cooper", "numé", "maison so", "ate", "res"]


def step(number):
    digits = ""
    while number:
        number, rest = divmod(number, 36)
        digits = ALPHABET[rest] + digits
    return digits.rjust(4, "0")


def sentence(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def bulk_children(parent, model, count, build):
    """`count` live children of `parent`, inserted in bulk (Page rows, then the model's)."""
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    start = parent.numchild
    with transaction.atomic():
        for first in range(0, count, 500):
            pages, specifics = [], []
            for i in range(first, min(count, first + 500)):
                slug = f"{model.__name__.lower()}-{start + i + 1}"
                fields = build(i)
                title = fields.pop("title")
                pages.append(
                    Page(
                        title=title,
                        draft_title=title,
                        slug=slug,
                        path=parent.path + step(start + i + 1),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        content_type=content_type,
                        locale_id=parent.locale_id,
                        translation_key=uuid.uuid4(),
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                    )
                )
                specifics.append(fields)
            Page.objects.bulk_create(pages)  # SQLite and PostgreSQL return the new keys
            children = [
                model(page_ptr_id=page.pk, **fields)
                for page, fields in zip(pages, specifics, strict=True)
            ]
            # Multi-table inheritance: insert only the child table's rows (Page's exist).
            model._base_manager._insert(
                children, fields=model._meta.local_concrete_fields, using="default"
            )
        Page.objects.filter(pk=parent.pk).update(numchild=start + count)
    parent.refresh_from_db()


def ensure_tree():
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    Locale.objects.get_or_create(language_code="en")
    home = HomePage.objects.filter(locale=fr, depth=2).first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title="Accueil", slug="accueil", locale=fr))
    # A fresh database has Wagtail's welcome page as the default site's root: use ours.
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )

    def child(model, slug, **fields):
        page = model.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = home.add_child(instance=model(slug=slug, locale=fr, **fields))
        return page

    directory = child(DirectoryIndexPage, "annuaire", title="Annuaire")
    programme = child(ProgrammePage, "programme", title="Programme")
    search = child(SearchPage, "recherche", title="Recherche")
    return directory, programme, search


def load(directory, programme, orgs, places, events, rng):
    if OrganisationPage.objects.child_of(directory).count() >= orgs:
        print("Data already loaded.")
        return
    started = time.perf_counter()
    bulk_children(
        directory,
        OrganisationPage,
        orgs,
        lambda i: {
            "title": f"{rng.choice(NAMES)} {rng.choice(WORDS)} {i}",
            "summary": sentence(rng, 8),
            "description": f"<p>{sentence(rng, 40)}</p>",
            "city": rng.choice(CITIES),
            "country": "FR",
            "organisation_type": rng.choice(["association", "collective", "company"]),
            "relation": rng.choice(["member", "partner", "resident"]),
        },
    )
    bulk_children(
        directory,
        PlacePage,
        places,
        lambda i: {
            "title": f"{rng.choice(NAMES)} {rng.choice(WORDS)} lieu {i}",
            "summary": sentence(rng, 8),
            "description": f"<p>{sentence(rng, 40)}</p>",
            "city": rng.choice(CITIES),
            "country": "FR",
            "kind": "civic-hall",
        },
    )
    now = timezone.now()

    def event(i):
        start = now + dt.timedelta(days=rng.randint(-365, 365), hours=rng.randint(0, 23))
        return {
            "title": f"Débat {rng.choice(WORDS)} {i}",
            "summary": sentence(rng, 10),
            "description": f"<p>{sentence(rng, 30)}</p>",
            "start": start,
            "end": start + dt.timedelta(hours=2),
        }

    bulk_children(programme, EventPage, events, event)
    print(f"Loaded {orgs} organisations, {places} places, {events} events in "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip


def percentiles(samples):
    ordered = sorted(samples)
    p95 = ordered[max(0, int(round(0.95 * len(ordered))) - 1)]
    return statistics.median(ordered) * 1000, p95 * 1000


def measure(function, arguments, repeat):
    function(arguments[0])  # warm up (connections, caches)
    samples = []
    for n in range(repeat):
        started = time.perf_counter()
        function(arguments[n % len(arguments)])
        samples.append(time.perf_counter() - started)
    return percentiles(samples)


OPERATIONS = ["text search", "search + facets", "autocomplete", "site search"]


def backend_label(config):
    if config["BACKEND"].endswith("elasticsearch8"):
        return "Elasticsearch 8"
    vendor = {"sqlite3": "SQLite", "postgresql": "PostgreSQL"}.get(
        settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1], "database"
    )
    return f"{vendor} database backend"


def bench_backend(config, directory, search_page, repeat):
    """(rebuild seconds, {operation: (p50 ms, p95 ms)}) with `config` as the default backend."""
    backends = {"default": config}
    with override_settings(WAGTAILSEARCH_BACKENDS=backends, PORTAL_PAGE_CACHE_SECONDS=0):
        started = time.perf_counter()
        call_command("update_index", backend_name="default", verbosity=0)
        rebuild = time.perf_counter() - started
        entries = Page.objects.child_of(directory).live().public()
        client = Client(HTTP_HOST="localhost")
        site_url = search_page.url_path.split("/", 2)[-1]

        def search_and_facets(query):
            search = DirectorySearch(directory, {"q": query, "type": "association"})
            return search.ordered_ids(), search.facets()

        def site_search(query):
            response = client.get(f"/fr/{site_url}", {"q": query})
            assert response.status_code == 200, response.status_code

        rows = {
            "text search": measure(lambda q: search_pages(entries, q, "fr"), QUERIES, repeat),
            "search + facets": measure(search_and_facets, QUERIES, repeat),
            "autocomplete": measure(lambda q: autocomplete(entries, q, "fr"), PREFIXES, repeat),
            "site search": measure(site_search, QUERIES, repeat),
        }
    label = backend_label(config)
    print(f"\n## {label}\nfull index rebuild: {rebuild:.1f} s")
    print(f"{'operation':<18} {'p50 ms':>9} {'p95 ms':>9}")
    for name, (p50, p95) in rows.items():
        print(f"{name:<18} {p50:>9.1f} {p95:>9.1f}", flush=True)
    return label, rebuild, rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--places", type=int, default=2_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=50)
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    directory, programme, search_page = ensure_tree()
    load(directory, programme, options.organisations, options.places, options.events, rng)
    # Elasticsearch first when configured, then the database backend (its fallback).
    configured = settings.WAGTAILSEARCH_BACKENDS
    results = [
        bench_backend(configured[alias], directory, search_page, options.repeat)
        for alias in ("default", "database")
        if alias in configured
    ]
    print(f"\n| backend | rebuild (s) | {' | '.join(f'{op} p50/p95 (ms)' for op in OPERATIONS)} |")
    print(f"| --- | ---: | {' | '.join('---:' for _op in OPERATIONS)} |")
    for label, rebuild, rows in results:
        cells = " | ".join(f"{rows[op][0]:.0f} / {rows[op][1]:.0f}" for op in OPERATIONS)
        print(f"| {label} | {rebuild:.1f} | {cells} |")


if __name__ == "__main__":
    main()
