"""Search benchmark: a directory of 10,000 organisations and 2,000 places, searched over HTTP.

Run on demand, never in the test suite, on a database of its own (created and migrated here):

    DATABASE_URL=sqlite:////tmp/search-bench.sqlite3 python benchmarks/search.py
    DATABASE_URL="$(bash scripts/services.sh postgres-start)" python benchmarks/search.py

It loads (once; a second run reuses the data) the entries in bulk, builds the search index
(`rebuild_search_index`, or Wagtail's `update_index` on code that predates it), then sends
requests through Django's test client (the whole view, template and middleware; DEBUG off, page
cache off, so every request does its work, and the site furniture's fragment cache on, as in
production) and prints, per kind of request, the p50 and p95 server time, the CPU time per
request and the largest number of SQL queries one request ran:

- listing: the directory page without a query, under each facet combination;
- search: 20 fixed queries (plain words, plurals, prefixes, typos, compounds, several words)
  crossed with the same facet combinations;
- autocomplete: the directory's suggestion route for 10 prefixes;
- site search: the 20 queries on the site search page;
- search only: the directory's searches without the page (facet counts, total, the first
  page of ids): what the engine itself costs, whichever it is.

`--engine elasticsearch` measures the same requests answered by Elasticsearch (the read
model mirrored into it, `search/elastic/`): give the server with `--engine-url` (default
SEARCH_TEST_ELASTICSEARCH_URL), e.g. the one `scripts/services.sh elasticsearch-start`
prints. The index (prefix `bench`) is rebuilt in bulk first and the time printed; the table
then adds the engine's own CPU per request (from its node stats) and checks that the engine
answered every search (its query count).
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

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command, get_commands  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Locale, Page, Site  # noqa: E402

from directory.models import DirectoryIndexPage, OrganisationPage, PlacePage  # noqa: E402
from home.models import HomePage  # noqa: E402
from search.models import SearchPage  # noqa: E402

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
NAMES = [
    "Atelier", "Collectif", "Laboratoire", "Maison", "Réseau", "Fabrique", "Tiers-lieux",
    "Association", "Coopérative", "Jardin", "Café", "Forum", "Académie", "Agence",
]  # fmt: skip
WORDS = [
    "citoyen", "citoyenne", "citoyens", "numérique", "démocratie", "participative", "solidaire",
    "écologique", "ouverte", "locale", "quartier", "habitants", "jeunesse", "culture",
    "données", "transparence", "énergie", "alimentation", "mobilité", "logement", "santé",
    "éducation", "emploi", "budget", "concertation", "innovation", "sociale", "publique",
]  # fmt: skip
CITIES = ["Paris", "Lyon", "Marseille", "Lille", "Nantes", "Bordeaux", "Rennes", "Grenoble"]
# Plain words, plurals, a prefix, typos, a compound in the singular, several words.
QUERIES = [
    "citoyens", "democratie", "numérique solidaire", "jardin", "habitants quartier",
    "données ouvertes", "énergie", "laboratoire citoyen", "transparence", "culture jeunesse",
    "particip", "democratei", "tiers-lieu", "cooperative lyon", "mobilite logement",
    "santé publique", "budget participatif", "innovaton sociale", "atelier 42", "fabrique",
]  # fmt: skip
FACETS = [{}, {"type": "association"}, {"city": "Lyon"}, {"type": "association", "city": "Paris"}]
PREFIXES = ["ci", "dem", "lab", "jar", "fab", "cooper", "numé", "maison so", "ate", "res"]


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

    return child(DirectoryIndexPage, "annuaire", title="Annuaire"), child(
        SearchPage, "recherche", title="Recherche"
    )


def load(directory, organisations, places, rng):
    """Returns True when it loaded (the index then needs building)."""
    if OrganisationPage.objects.child_of(directory).count() >= organisations:
        print("Data already loaded.")
        return False
    started = time.perf_counter()

    def organisation(i):
        return {
            "title": f"{rng.choice(NAMES)} {rng.choice(WORDS)} {i}",
            "summary": sentence(rng, 8),
            "description": f"<p>{sentence(rng, 40)}</p>",
            "city": rng.choice(CITIES),
            "country": "FR",
            "organisation_type": rng.choice(["association", "collective", "company"]),
            "relation": rng.choice(["member", "partner", "resident"]),
        }

    def place(i):
        return {
            "title": f"{rng.choice(NAMES)} {rng.choice(WORDS)} lieu {i}",
            "summary": sentence(rng, 8),
            "description": f"<p>{sentence(rng, 40)}</p>",
            "city": rng.choice(CITIES),
            "country": "FR",
            "kind": rng.choice(["civic-hall", "fab-lab", "coworking"]),
        }

    bulk_children(directory, OrganisationPage, organisations, organisation)
    bulk_children(directory, PlacePage, places, place)
    print(f"Loaded {organisations} organisations and {places} places in "
          f"{time.perf_counter() - started:.1f} s")  # fmt: skip
    return True


def build_index():
    started = time.perf_counter()
    if "rebuild_search_index" in get_commands():
        call_command("rebuild_search_index", verbosity=0)
    else:  # the code before the portal's own index
        call_command("update_index", verbosity=0)
    print(f"Index built in {time.perf_counter() - started:.1f} s")


def request(client, url, params):
    """(wall seconds, CPU seconds, SQL queries) of one GET, which must answer 200."""
    with CaptureQueriesContext(connection) as queries:
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(url, params)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    assert response.status_code == 200, (url, params, response.status_code)
    return wall, cpu, len(queries)


def measure(client, url, cases, repeat):
    request(client, url, cases[0])  # warm up (connections, caches)
    walls, cpus, queries = [], [], []
    for n in range(max(repeat, len(cases))):
        wall, cpu, count = request(client, url, cases[n % len(cases)])
        walls.append(wall)
        cpus.append(cpu)
        queries.append(count)
    walls.sort()
    p95 = walls[max(0, int(round(0.95 * len(walls))) - 1)]
    return {
        "p50": statistics.median(walls) * 1000,
        "p95": p95 * 1000,
        "cpu": statistics.mean(cpus) * 1000,
        "sql": max(queries),
    }


FACET_NAMES = {"type": "organisation_type", "city": "city"}


def measure_search_only(directory, searches, repeat):
    """The search itself, as the directory runs it (facet counts, total, the first page of
    ids), without loading the pages nor rendering: what the engine costs."""
    from search.query import KIND, Search

    names = [KIND, "organisation_type", "relation", "place_kind", "access", "theme", "city"]

    def one(params):
        filters = {FACET_NAMES[k]: [v] for k, v in params.items() if k in FACET_NAMES}
        with CaptureQueriesContext(connection) as queries:
            wall, cpu = time.perf_counter(), time.process_time()
            search = Search(directory.locale, params.get("q", ""), under=directory, filters=filters)
            search.expect_page(number=1, per_page=20)  # as the directory: one engine request
            search.facet_counts(names)
            list(search.ordered()[0:20])
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        return wall, cpu, len(queries)

    one(searches[0])
    walls, cpus, counts = [], [], []
    for n in range(max(repeat, len(searches))):
        wall, cpu, count = one(searches[n % len(searches)])
        walls.append(wall)
        cpus.append(cpu)
        counts.append(count)
    walls.sort()
    return {
        "p50": statistics.median(walls) * 1000,
        "p95": walls[max(0, int(round(0.95 * len(walls))) - 1)] * 1000,
        "cpu": statistics.mean(cpus) * 1000,
        "sql": max(counts),
    }


class Engine:
    """The database (nothing to do) or Elasticsearch: SEARCH_URL set, index rebuilt, and its
    query count and CPU time read before and after the measures."""

    def __init__(self, options):
        self.url = None
        if options.engine == "elasticsearch":
            base = options.engine_url or os.environ.get("SEARCH_TEST_ELASTICSEARCH_URL", "")
            if not base:
                sys.exit("--engine elasticsearch: give --engine-url")
            self.url = base.rstrip("/") + "/bench"
        self.settings = override_settings(SEARCH_URL=self.url or "")

    def prepare(self):
        if self.url is None:
            return
        from search.elastic import mirror

        started = time.perf_counter()
        sent = mirror.rebuild()
        print(f"Elasticsearch index rebuilt in bulk: {sent} pages in "
              f"{time.perf_counter() - started:.1f} s")  # fmt: skip

    def stats(self):
        """(queries answered, CPU milliseconds) of the engine so far."""
        if self.url is None:
            return 0, 0
        from search.elastic import index

        es = index.client()
        searches = es.indices.stats(index=index.alias_name(), metric="search")
        cpu = sum(
            node["process"]["cpu"]["total_in_millis"]
            for node in es.nodes.stats(metric="process")["nodes"].values()
        )
        return searches["_all"]["total"]["search"]["query_total"], cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--engine", choices=["database", "elasticsearch"], default="database")
    parser.add_argument("--engine-url", help="Elasticsearch server (http://host:port)")
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--places", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=80)
    parser.add_argument("--rebuild", action="store_true", help="rebuild the index even if loaded")
    options = parser.parse_args()
    call_command("migrate", verbosity=0)
    rng = random.Random(2026)
    directory, search_page = ensure_tree()
    if load(directory, options.organisations, options.places, rng) or options.rebuild:
        build_index()
    vendor = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(connection.vendor)
    engine = Engine(options)
    engine.settings.enable()
    engine.prepare()
    client = Client(HTTP_HOST="localhost")
    directory_url = "/fr/" + directory.url_path.split("/", 2)[-1]
    search_url = "/fr/" + search_page.url_path.split("/", 2)[-1]
    searches = [{"q": query, **facets} for facets in FACETS for query in QUERIES]
    cases = {
        "listing": (directory_url, FACETS),
        "search": (directory_url, searches),
        "autocomplete": (directory_url + "autocomplete/", [{"q": p} for p in PREFIXES]),
        "site search": (search_url, [{"q": query} for query in QUERIES]),
    }
    rows = {}
    # The page cache off, so every request does its work; the fragment cache (menu, footer,
    # language links, routing's localized root) on, as production has it.
    production = {"PORTAL_FRAGMENT_CACHE_SECONDS": 3600}
    with override_settings(PORTAL_PAGE_CACHE_SECONDS=0, DEBUG=False, **production):
        for name, (url, params) in cases.items():
            before = engine.stats()
            rows[name] = measure(client, url, params, options.repeat)
            after = engine.stats()
            requests = max(options.repeat, len(params)) + 1
            rows[name]["engine queries"] = after[0] - before[0]
            rows[name]["engine cpu"] = (after[1] - before[1]) / requests
        before = engine.stats()
        rows["search only"] = measure_search_only(directory, searches, options.repeat)
        after = engine.stats()
        rows["search only"]["engine queries"] = after[0] - before[0]
        requests = max(options.repeat, len(searches)) + 1
        rows["search only"]["engine cpu"] = (after[1] - before[1]) / requests
    engine.settings.disable()
    where = f"{vendor} + Elasticsearch" if engine.url else vendor
    print(f"\n{where}, {options.organisations} organisations + {options.places} places")
    print("| request | p50 ms | p95 ms | CPU ms/request | SQL queries (max) | engine |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, row in rows.items():
        answered = (
            f"{row['engine queries']} queries, {row['engine cpu']:.1f} ms CPU/request"
            if engine.url
            else "-"
        )
        print(f"| {name} | {row['p50']:.1f} | {row['p95']:.1f} | {row['cpu']:.1f} | "
              f"{row['sql']} | {answered} |")  # fmt: skip


if __name__ == "__main__":
    main()
