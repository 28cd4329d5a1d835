"""Programme speed with 5,000 events: p50/p95 of the listing, a filtered listing, the iCal feed.

On demand, never in the test suite:

    .venv/bin/python benchmarks/programme.py [--events 5000] [--runs 20]
        [--database /tmp/programme-bench.sqlite3]   # keep the database and reuse it next time

Builds a throwaway SQLite database in a temporary directory (migrations, then pages created
in bulk rather than one by one through Wagtail), times requests through Django's test client
(no network), prints the figures and deletes the database. Streamed responses are timed until
their last byte.
"""

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMATS = ["debate", "workshop", "screening", "concert", "open-doors", "visit", "cafe", "other"]


def setup_django(database):
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_site():
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage
    from programme.models import ProgrammePage

    locale, _ = Locale.objects.get_or_create(language_code="fr")
    root = Page.get_first_root_node()
    root.get_children().delete()
    home = root.add_child(instance=HomePage(title="Accueil", slug="fr", locale=locale))
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    programme = home.add_child(
        instance=ProgrammePage(title="Programme", slug="programme", locale=locale)
    )
    return programme


def bulk_events(programme, count, seed=5000):
    """`count` events under `programme`: Page rows in one bulk insert, EventPage rows raw."""
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from demo.bulk import live_revisions
    from programme.models import EventPage
    from programme.recurrence import local_zone

    rng = random.Random(seed)
    content_type = ContentType.objects.get_for_model(EventPage)
    today = timezone.localdate()
    now = timezone.now()
    pages, events = [], []
    for n in range(count):
        slug = f"event-{n}"
        pages.append(
            Page(
                title=f"Événement {n}",
                draft_title=f"Événement {n}",
                slug=slug,
                path=Page._get_path(programme.path, programme.depth + 1, n + 1),
                depth=programme.depth + 1,
                numchild=0,
                url_path=f"{programme.url_path}{slug}/",
                content_type=content_type,
                locale_id=programme.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
        day = today + dt.timedelta(days=rng.randint(-60, 365))
        start = dt.datetime.combine(day, dt.time(rng.choice([9, 14, 18, 20])), local_zone())
        fields = {
            "start": start,
            "end": start + dt.timedelta(hours=2),
            "format": rng.choice(FORMATS),
            "is_free": rng.random() < 0.7,
            "summary": f"Résumé de l’événement {n}",
        }
        if not fields["is_free"]:
            fields["price"] = 5
        kind = rng.random()
        if kind < 0.10:  # weekly, a dozen times
            fields.update(recurrence_frequency="WEEKLY", recurrence_count=12)
        elif kind < 0.15:  # first Saturday of the month, until next year
            fields.update(
                recurrence_frequency="MONTHLY",
                recurrence_weekdays=["SA"],
                recurrence_setpos=1,
                recurrence_until=today + dt.timedelta(days=365),
            )
        events.append(fields)
    with transaction.atomic():
        created = Page.objects.bulk_create(pages, batch_size=500)
        for page, fields in zip(created, events, strict=True):
            EventPage(page_ptr_id=page.pk, **fields).save_base(raw=True, force_insert=True)
        Page.objects.filter(pk=programme.pk).update(numchild=count)
        live_revisions([page.pk for page in created], content_type, now)
    # What publishing each event would have stored: the dates of the repeating ones.
    call_command("store_occurrences", "--all")


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.getvalue()


def timings(client, url, runs):
    samples, cpu = [], []
    fetch(client, url)  # warm-up: templates, URL resolvers
    for _ in range(runs):
        began, began_cpu = time.perf_counter(), time.process_time()
        body = fetch(client, url)
        samples.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * (len(samples) - 1)))]
    return statistics.median(samples), p95, statistics.median(cpu), len(body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--database", help="SQLite file to keep and reuse (default: throwaway)")
    parser.add_argument(
        "--skip", action="append", default=[], help="Skip requests whose label contains this"
    )
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="programme-bench-")
    try:
        database = Path(args.database) if args.database else Path(directory) / "bench.sqlite3"
        reuse = database.exists()
        setup_django(database)
        from django.test import Client

        if not reuse:
            programme = build_site()
            began = time.perf_counter()
            bulk_events(programme, args.events)
            print(f"{args.events} events loaded in {time.perf_counter() - began:.1f} s")
        from django.test import override_settings

        client = Client()
        # The test settings turn the fragment cache off: the feed is written and repeating
        # events expanded on every request; production keeps both (and the menu, footer and
        # language links) until content changes: the "cached" lines.
        cached = override_settings(PORTAL_FRAGMENT_CACHE_SECONDS=3600)
        for label, url, settings in [
            ("programme page", "/fr/programme/", None),
            ("programme, cached", "/fr/programme/", cached),
            ("programme, page 5", "/fr/programme/?page=5", None),
            ("page 5, cached", "/fr/programme/?page=5", cached),
            ("filtered programme", "/fr/programme/?format=debate&free=1&when=this-week", None),
            ("full iCal feed", "/fr/programme/calendar/", None),
            ("full iCal, cached", "/fr/programme/calendar/", cached),
            ("Atom feed", "/fr/programme/feed/", None),
        ]:
            if any(word in label for word in args.skip):
                continue
            if settings is not None:
                with settings:
                    p50, p95, cpu, size = timings(client, url, args.runs)
            else:
                p50, p95, cpu, size = timings(client, url, args.runs)
            # CPU time of this process (SQLite included): steadier than wall time when busy.
            print(
                f"{label:<20} p50 {p50:8.1f} ms   p95 {p95:8.1f} ms   cpu {cpu:8.1f} ms"
                f"   {size / 1024:8.0f} KiB"
            )
    finally:
        shutil.rmtree(directory, ignore_errors=True)


if __name__ == "__main__":
    main()
