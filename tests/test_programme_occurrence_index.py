"""The programme lists the dates of repeating and changed events from an index expanded once
per content version (issue 17), and lists exactly what expanding them on each request gave:
same dates, order, statuses and notes, moved dates included, on every page of the listing. A
publish makes the next listing use a fresh index.

These tests run inside a transaction that never commits, so content writes are wrapped in
`commit()` (the captured on-commit callbacks, executed): invalidation happens at commit.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.utils import timezone

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


def listing(client, settings, url, cached):
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 300 if cached else 0
    cache.clear()
    return cards(client, url)


def test_indexed_dates_are_the_expanded_ones(client, settings, programme, commit):  # noqa: F811
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

    statuses = {
        state for _start, state, _title in listing(client, settings, "/fr/programme/", False)
    }
    assert {"cancelled", "full"} <= statuses
    for url in ("/fr/programme/", "/fr/programme/?page=2", "/fr/programme/?when=this-week"):
        expanded = listing(client, settings, url, cached=False)
        assert listing(client, settings, url, cached=True) == expanded, url


def test_a_publish_refreshes_the_index(client, settings, programme, commit):  # noqa: F811
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 300
    cache.clear()
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
