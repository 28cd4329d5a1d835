"""Directory benchmark: 10,000 organisations and 2,000 places in a throwaway SQLite database,
then p50/p95 server time of the directory's main requests through Django's test client.

    .venv/bin/python benchmarks/directory.py [--organisations 10000] [--places 2000] [--runs 10]
        [--database /tmp/directory-bench.sqlite3]   # keep the database and reuse it next time

Run on demand only (never in the test suite). Pages are bulk-inserted (treebeard paths computed
here, one INSERT per batch) rather than saved one by one, then indexed with `rebuild_search_index`.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = (
    "démocratie participative citoyenne numérique solidarité écologie quartier atelier "
    "coopérative jardin réparation énergie mobilité alimentation culture éducation santé "
    "logement transition communs données ouvertes inclusion jeunesse emploi recherche "
    "fabrique laboratoire réseau collectif association"
).split()
CITIES = [
    ("Paris", "75020", 48.8718, 2.3845),
    ("Montreuil", "93100", 48.8638, 2.4485),
    ("Lyon", "69001", 45.7640, 4.8357),
    ("Marseille", "13001", 43.2965, 5.3698),
    ("Bordeaux", "33000", 44.8378, -0.5792),
    ("Lille", "59000", 50.6292, 3.0573),
    ("Nantes", "44000", 47.2184, -1.5536),
    ("Toulouse", "31000", 43.6047, 1.4442),
    ("Strasbourg", "67000", 48.5734, 7.7521),
    ("Rennes", "35000", 48.1173, -1.6778),
    ("Bruxelles", "1000", 50.8503, 4.3517),
    ("Montréal", "H2X", 45.5019, -73.5674),
]
THEMES = [
    ("Démocratie participative", "democratie-participative"),
    ("Civic tech", "civic-tech"),
    ("Écologie", "ecologie"),
    ("Économie sociale et solidaire", "ess"),
    ("Culture", "culture"),
    ("Numérique inclusif", "numerique-inclusif"),
]


def setup_django(database):
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    import django

    django.setup()


def build(organisations, places):
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale, Page, Site

    from directory.choices import OrganisationType, PlaceKind, Relation
    from directory.models import DirectoryIndexPage, OrganisationPage, PlacePage, Theme
    from home.models import HomePage

    call_command("migrate", verbosity=0)
    random.seed(2026)
    fr, _ = Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    root.get_children().delete()
    home = root.add_child(instance=HomePage(title="Accueil", slug="accueil", locale=fr))
    Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
    index = home.add_child(
        instance=DirectoryIndexPage(title="Annuaire", slug="annuaire", locale=fr)
    )
    themes = [Theme.objects.create(name=n, slug=s, locale=fr) for n, s in THEMES]

    now = timezone.now()
    depth = index.depth + 1
    kinds = [(OrganisationPage, organisations), (PlacePage, places)]
    step = 0
    with transaction.atomic():
        for model, count in kinds:
            content_type = ContentType.objects.get_for_model(model)
            for start in range(0, count, 500):
                pages, specifics = [], []
                for n in range(start, min(count, start + 500)):
                    step += 1
                    words = random.sample(WORDS, 3)
                    title = f"{words[0].capitalize()} {words[1]} {model.__name__[:5]} {n}"
                    slug = f"{model.__name__.lower()}-{n}"
                    city, postcode, lat, lon = random.choice(CITIES)
                    published = now - timedelta(days=random.randint(0, 2000))
                    pages.append(
                        Page(
                            title=title,
                            draft_title=title,
                            slug=slug,
                            content_type=content_type,
                            locale=fr,
                            translation_key=uuid.uuid4(),
                            live=True,
                            first_published_at=published,
                            last_published_at=published,
                            path=Page._get_path(index.path, depth, step),
                            depth=depth,
                            numchild=0,
                            url_path=f"{index.url_path}{slug}/",
                        )
                    )
                    fields = {
                        "summary": f"{' '.join(random.sample(WORDS, 8))}.",
                        "description": f"<p>{' '.join(random.sample(WORDS, 20))}</p>",
                        "city": city,
                        "country": "FR" if city not in ("Bruxelles", "Montréal") else "BE",
                        "latitude": Decimal(f"{lat + random.uniform(-0.05, 0.05):.6f}"),
                        "longitude": Decimal(f"{lon + random.uniform(-0.05, 0.05):.6f}"),
                        "website": f"https://{slug}.example.org",
                    }
                    if model is OrganisationPage:
                        fields.update(
                            organisation_type=random.choice(OrganisationType.values),
                            relation=random.choice(Relation.values),
                            postcode=postcode,
                            contact_email=f"contact@{slug}.example.org",
                            show_contact=random.random() < 0.5,
                        )
                    else:
                        fields.update(
                            kind=random.choice(PlaceKind.values),
                            step_free_access=random.random() < 0.5,
                        )
                    specifics.append(fields)
                Page.objects.bulk_create(pages)
                objs = [
                    model(page_ptr_id=page.pk, **fields)
                    for page, fields in zip(pages, specifics, strict=True)
                ]
                # Multi-table inheritance: insert only the child table's row (Page's exists).
                model._base_manager._insert(
                    objs, fields=model._meta.local_concrete_fields, using="default"
                )
                through = model.themes.through
                through.objects.bulk_create(
                    [
                        through(**{through_field(through, model): obj.pk, "theme_id": theme.pk})
                        for obj in objs
                        for theme in random.sample(themes, 2)
                    ]
                )
        Page.objects.filter(pk=index.pk).update(numchild=step)
    started = time.perf_counter()
    call_command("rebuild_search_index", verbosity=0)
    print(f"indexed {step} entries in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return index, themes


def through_field(through, model):
    for field in through._meta.get_fields():
        if getattr(field, "related_model", None) is model:
            return field.attname
    raise LookupError(model)


def fetch(client, url):
    """The whole body: a streamed export is timed until its last byte."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.getvalue()


def measure(client, url, runs):
    fetch(client, url)  # warm caches (site root paths, templates)
    times, cpu = [], []
    for _run in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        body = fetch(client, url)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, statistics.median(cpu), len(body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--places", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--database", help="SQLite file to keep and reuse (default: throwaway)")
    parser.add_argument(
        "--skip", action="append", default=[], help="Skip requests whose label contains this"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="directory-bench-") as folder:
        database = Path(args.database) if args.database else Path(folder) / "bench.sqlite3"
        reuse = database.exists()
        setup_django(database)
        started = time.perf_counter()
        if reuse:
            from directory.models import Theme

            themes = list(Theme.objects.order_by("pk"))
        else:
            _index, themes = build(args.organisations, args.places)
        print(f"ready in {time.perf_counter() - started:.1f}s", file=sys.stderr)

        from django.test import Client

        client = Client()
        theme = themes[0].slug
        scenarios = [
            ("unfiltered directory", "/fr/annuaire/", args.runs),
            ("text search", "/fr/annuaire/?q=d%C3%A9mocratie", args.runs),
            (
                "text search + two facets",
                f"/fr/annuaire/?q=democratie&type=association&theme={theme}",
                args.runs,
            ),
            ("autocomplete", "/fr/annuaire/autocomplete/?q=d%C3%A9mo", args.runs),
            ("two facets, no text", "/fr/annuaire/?type=association&city=Lyon", args.runs),
            ("theme facet, page 50", f"/fr/annuaire/?theme={theme}&page=50", args.runs),
            ("newest first, page 2", "/fr/annuaire/?sort=newest&page=2", args.runs),
            ("CSV export (all entries)", "/fr/annuaire/export/csv/", max(3, args.runs // 4)),
            ("JSON export (all entries)", "/fr/annuaire/export/json/", max(3, args.runs // 4)),
            ("GeoJSON export (all)", "/fr/annuaire/export/geojson/", max(3, args.runs // 4)),
            ("near Lyon, 20 km", "/fr/annuaire/?near=Lyon&radius=20", args.runs),
            ("map view", "/fr/annuaire/?view=map&type=association", args.runs),
            ("API organisations", "/api/v1/directory/organisations/?q=culture", args.runs),
        ]
        total = args.organisations + args.places
        print(f"\n{total} entries ({args.organisations} organisations, {args.places} places)")
        # CPU time of this process (SQLite runs in it too) is steadier than wall time on a
        # busy machine.
        print(
            f"{'request':<28} {'p50 ms':>9} {'p95 ms':>9} {'cpu ms':>9} {'runs':>5} {'bytes':>10}"
        )
        for label, url, runs in scenarios:
            if any(word in label for word in args.skip):
                continue
            p50, p95, cpu, size = measure(client, url, runs)
            print(
                f"{label:<28} {p50:>9.1f} {p95:>9.1f} {cpu:>9.1f} {runs:>5} {size:>10}", flush=True
            )


if __name__ == "__main__":
    main()
