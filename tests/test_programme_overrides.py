"""Changes to single dates of a repeating event, the same on the site, in the calendar feed
(RECURRENCE-ID, read back by an independent expander) and in the JSON-LD."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import recurring_ical_events
from bs4 import BeautifulSoup
from django.utils import timezone
from icalendar import Calendar

from programme.models import OccurrenceOverride
from tests.test_programme_pages import add_event, programme  # noqa: F401 - fixture

PARIS = ZoneInfo("Europe/Paris")


def weekly_cafe(programme, **fields):  # noqa: F811
    """A café every Wednesday at 9:00 from next week, with three changed Wednesdays."""
    today = timezone.localdate()
    first = today + dt.timedelta(days=(2 - today.weekday()) % 7 + 7)
    event = add_event(
        programme,
        "cafe",
        dt.datetime.combine(first, dt.time(9), PARIS),
        en=False,
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["WE"],
        recurrence_count=6,
        **fields,
    )
    second, third, fourth = (first + dt.timedelta(weeks=n) for n in (1, 2, 3))
    moved = dt.datetime.combine(fourth + dt.timedelta(days=1), dt.time(18), PARIS)
    for override in (
        OccurrenceOverride(date=second, status="cancelled", note="Salle fermée"),
        OccurrenceOverride(date=third, status="full"),
        OccurrenceOverride(date=fourth, new_start=moved, note="Exceptionnellement le jeudi soir"),
    ):
        override.locale = event.locale
        event.occurrence_overrides.add(override)
    event.save_revision().publish()
    event.refresh_from_db()
    return event, first, moved


def listed(client, url):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    dates = []
    for card in soup.select(".card--event"):
        start = dt.datetime.fromisoformat(card.select_one("time")["datetime"])
        status = card.select_one(".card__status")
        dates.append((start, status["class"][1].split("--")[1] if status else "scheduled"))
    return dates


def test_changed_dates_on_the_listing_feed_and_event_page(client, programme):  # noqa: F811
    event, first, moved = weekly_cafe(programme)
    starts = [first + dt.timedelta(weeks=n) for n in range(6)]
    at_nine = [dt.datetime.combine(day, dt.time(9), PARIS) for day in starts]
    expected = [
        (at_nine[0], "scheduled"),
        (at_nine[1], "cancelled"),
        (at_nine[2], "full"),
        (moved, "scheduled"),
        (at_nine[4], "scheduled"),
        (at_nine[5], "scheduled"),
    ]
    query = f"?from={first:%Y-%m-%d}&to={starts[-1]:%Y-%m-%d}"
    assert listed(client, programme.url + query) == expected

    calendar = Calendar.from_ical(client.get(programme.url + "calendar/" + query).content)
    masters = [c for c in calendar.walk("VEVENT") if "RECURRENCE-ID" not in c]
    changes = [c for c in calendar.walk("VEVENT") if "RECURRENCE-ID" in c]
    assert len(masters) == 1 and len(changes) == 3
    assert {str(c["UID"]) for c in changes} == {str(masters[0]["UID"])}
    expanded = recurring_ical_events.of(calendar).between(
        dt.datetime.combine(first, dt.time.min, PARIS),
        dt.datetime.combine(starts[-1] + dt.timedelta(days=2), dt.time.min, PARIS),
    )
    feed = sorted((component["DTSTART"].dt, str(component["STATUS"])) for component in expanded)
    site = [
        (start, "CANCELLED" if status == "cancelled" else "CONFIRMED") for start, status in expected
    ]
    assert feed == site

    page = BeautifulSoup(client.get(event.url).content, "html.parser")
    dates = page.select(".event__dates li")
    assert "Salle fermée" in dates[1].get_text()
    assert "jeudi soir" in dates[3].get_text()
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["startDate"] == at_nine[0].isoformat()


def test_next_date_cancelled_shows_in_json_ld_and_closes_registration(client, programme):  # noqa: F811
    today = timezone.localdate()
    start = dt.datetime.combine(today + dt.timedelta(days=3), dt.time(19), PARIS)
    event = add_event(
        programme,
        "debat",
        start,
        en=False,
        registration_mode="portal",
        capacity=5,
        recurrence_frequency="WEEKLY",
        recurrence_count=2,
    )
    override = OccurrenceOverride(date=start.date(), status="cancelled", locale=event.locale)
    event.occurrence_overrides.add(override)
    event.save_revision().publish()
    page = BeautifulSoup(client.get(event.url).content, "html.parser")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    # Issue 18: the series stays scheduled; the cancelled date is one of its sub-events.
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert [date["eventStatus"] for date in data["subEvent"]] == [
        "https://schema.org/EventCancelled",
        "https://schema.org/EventScheduled",
    ]
    # Only the second week is open for registration.
    occurrence = page.select_one("#registration input[name=occurrence]")
    assert occurrence is not None
    second = (start + dt.timedelta(weeks=1)).astimezone(dt.UTC)
    assert occurrence["value"] == second.strftime("%Y%m%dT%H%M%SZ")
    response = client.post(
        event.url,
        {
            "occurrence": start.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ"),
            "name": "A",
            "email": "a@b.fr",
        },
    )
    assert response.status_code == 200 and event.registrations.count() == 0
