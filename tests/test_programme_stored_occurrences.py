"""The programme lists the dates of repeating and changed events from those stored when they
were published (programme.occurrence_store, issue 17), and lists exactly what expanding them
on each request gives: same dates, order, statuses and notes, moved dates included, on every
page of the listing. A publish stores the new dates; stored dates of another revision, or
not covering the window, are never used; the daily command fills what is missing.

These tests run inside a transaction that never commits, so content writes are wrapped in
`commit()` (the captured on-commit callbacks, executed): invalidation happens at commit.
"""

import datetime as dt
import io
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from programme.models import StoredOccurrence, StoredSpan
from tests.test_programme_overrides import weekly_cafe
from tests.test_programme_pages import add_event, programme  # noqa: F401 - fixture

PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def cards(client, url):
    """What readers see of each date: (start, status, title)."""
    response = client.get(url)
    assert response.status_code == 200
    found = []
    for card in BeautifulSoup(response.content, "html.parser").select(".card--event"):
        status = card.select_one(".card__status")
        title = card.select_one("h2, h3").get_text(" ", strip=True)
        state = status["class"][1].split("--")[1] if status else "scheduled"
        found.append((card.select_one("time")["datetime"], state, title))
    return found


def listing(client, url, stored):
    """The cards of `url`, from the stored dates or with none stored (every event expanded)."""
    saved = list(StoredOccurrence.objects.all()), list(StoredSpan.objects.all())
    if not stored:
        StoredOccurrence.objects.all().delete()
        StoredSpan.objects.all().delete()
    cache.clear()
    try:
        return cards(client, url)
    finally:
        if not stored:
            StoredSpan.objects.bulk_create(saved[1])
            StoredOccurrence.objects.bulk_create(saved[0])


def test_stored_dates_are_the_expanded_ones(client, programme, commit):  # noqa: F811
    today = timezone.localdate()
    with commit():
        weekly_cafe(programme)
        add_event(
            programme,
            "atelier",
            dt.datetime.combine(today + dt.timedelta(days=1), dt.time(14), PARIS),
            en=False,
            recurrence_frequency="MONTHLY",
            recurrence_weekdays=["SA"],
            recurrence_setpos=1,
            recurrence_until=today + dt.timedelta(days=200),
        )
        for n in range(40):  # one-off events, enough for a second page
            start = dt.datetime.combine(today + dt.timedelta(days=n + 2), dt.time(20), PARIS)
            add_event(programme, f"concert-{n}", start, en=False)

    assert StoredSpan.objects.count() == 2  # the weekly café and the monthly workshop
    statuses = {state for _start, state, _title in listing(client, "/fr/programme/", False)}
    assert {"cancelled", "full"} <= statuses
    for url in ("/fr/programme/", "/fr/programme/?page=2", "/fr/programme/?when=this-week"):
        expanded = listing(client, url, stored=False)
        assert listing(client, url, stored=True) == expanded, url


def test_a_publish_stores_the_new_dates(client, programme, commit):  # noqa: F811
    with commit():
        event, _first, _moved = weekly_cafe(programme)
    before = cards(client, "/fr/programme/")
    assert len([card for card in before if card[2] == "Cafe"]) == 6

    event.title = "Café des voisins"
    event.recurrence_count = 2
    with commit():
        event.save_revision().publish()
    after = cards(client, "/fr/programme/")
    assert [card[1:] for card in after] == [
        ("scheduled", "Café des voisins"),
        ("cancelled", "Café des voisins"),
    ]
    event.refresh_from_db()
    assert set(StoredOccurrence.objects.values_list("revision_id", flat=True)) == {
        event.live_revision_id
    }


def test_dates_of_another_revision_are_not_used(client, programme, commit):  # noqa: F811
    with commit():
        event, _first, _moved = weekly_cafe(programme)
    # As if a publish had not reached the store: the stored dates name an older revision.
    StoredOccurrence.objects.update(start=F("start") + dt.timedelta(hours=1))
    StoredSpan.objects.update(revision_id=F("revision_id") - 1)
    StoredOccurrence.objects.update(revision_id=F("revision_id") - 1)

    assert listing(client, "/fr/programme/", stored=True) == listing(
        client, "/fr/programme/", stored=False
    )


def test_a_window_past_the_stored_span_is_expanded(client, programme, commit):  # noqa: F811
    with commit():
        weekly_cafe(programme)
    # Dates stored three days ahead only (as if stored long ago, the daily command not run).
    last = timezone.now() + dt.timedelta(days=3)
    StoredSpan.objects.update(last=last)
    StoredOccurrence.objects.filter(start__gte=last).delete()

    url = "/fr/programme/"
    assert listing(client, url, stored=True) == listing(client, url, stored=False)


def test_the_daily_command_stores_what_is_missing_and_forgets_the_rest(programme, commit):  # noqa: F811
    with commit():
        event, _first, _moved = weekly_cafe(programme)
    stored = StoredOccurrence.objects.count()
    StoredOccurrence.objects.all().delete()
    StoredSpan.objects.all().delete()
    out = io.StringIO()

    call_command("store_occurrences", stdout=out)

    assert StoredOccurrence.objects.count() == stored
    assert "1 event(s) stored" in out.getvalue()
    with commit():
        event.unpublish()
    call_command("store_occurrences", stdout=io.StringIO())
    assert not StoredOccurrence.objects.exists()
    assert not StoredSpan.objects.exists()
