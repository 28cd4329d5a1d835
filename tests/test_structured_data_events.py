"""JSON-LD of events and festivals carries what search engines require (issue 18): status per
date (one cancelled date does not cancel a series), dates without a time for all-day events,
offers only when there is something to book or pay, a status and offers for festivals."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import jsonschema
from bs4 import BeautifulSoup
from django.utils import timezone

from programme.models import FestivalPage, OccurrenceOverride
from tests.test_programme_pages import add_event, programme  # noqa: F401 - fixture

PARIS = ZoneInfo("Europe/Paris")
STATUS = {
    "enum": [
        f"https://schema.org/Event{s}"
        for s in ("Scheduled", "Cancelled", "Postponed", "Rescheduled")
    ]
}
DATE = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DATE_TIME = {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$"}
PLACE = {"type": "object", "required": ["@type", "name", "address"]}
EVENT = {
    "type": "object",
    "required": [
        "name",
        "startDate",
        "location",
        "eventStatus",
        "eventAttendanceMode",
        "organizer",
        "url",
    ],
    "properties": {
        "eventStatus": STATUS,
        "location": {"anyOf": [PLACE, {"type": "array", "items": PLACE}]},
    },
}


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    data = json.loads(soup.select_one('script[type="application/ld+json"]').string)
    jsonschema.validate(data, EVENT)
    for date in data.get("subEvent", []):
        jsonschema.validate(
            date, EVENT | {"required": ["name", "startDate", "eventStatus", "location", "url"]}
        )
    return data


def test_one_cancelled_date_does_not_cancel_the_series(client, programme):  # noqa: F811
    start = dt.datetime.combine(timezone.localdate() + dt.timedelta(days=2), dt.time(18), PARIS)
    event = add_event(
        programme,
        "cafe",
        start,
        en=False,
        recurrence_frequency="WEEKLY",
        recurrence_count=4,
    )
    event.occurrence_overrides.add(
        OccurrenceOverride(date=start.date(), status="cancelled", locale=event.locale)
    )
    event.save_revision().publish()
    data = json_ld(client, event.url)
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    statuses = [date["eventStatus"].rsplit("/", 1)[1] for date in data["subEvent"]]
    assert statuses == ["EventCancelled", "EventScheduled", "EventScheduled", "EventScheduled"]
    assert [dt.datetime.fromisoformat(d["startDate"]) for d in data["subEvent"]] == [
        start + dt.timedelta(weeks=n) for n in range(4)
    ]
    assert "offers" not in data  # free, nothing to book


def test_all_day_events_are_given_as_dates(client, programme):  # noqa: F811
    day = timezone.localdate() + dt.timedelta(days=5)
    event = add_event(
        programme,
        "braderie",
        dt.datetime.combine(day, dt.time(0), PARIS),
        hours=48,
        en=False,
        all_day=True,
        registration_mode="external",
        registration_url="https://example.org/inscription",
    )
    data = json_ld(client, event.url)
    jsonschema.validate(data["startDate"], DATE)
    assert data["startDate"] == day.isoformat()
    assert data["endDate"] == (day + dt.timedelta(days=1)).isoformat()  # two days, inclusive
    assert data["offers"]["url"] == "https://example.org/inscription"
    assert data["offers"]["price"] == "0"


def test_timed_events_keep_their_time(client, programme):  # noqa: F811
    start = dt.datetime.combine(timezone.localdate() + dt.timedelta(days=3), dt.time(19), PARIS)
    event = add_event(programme, "debat", start, en=False, is_free=False, price="4.00")
    data = json_ld(client, event.url)
    jsonschema.validate(data["startDate"], DATE_TIME)
    assert data["offers"]["price"] == "4.00"


def test_festival_has_a_status_and_offers(client, programme):  # noqa: F811
    day = timezone.localdate() + dt.timedelta(days=10)
    festival = FestivalPage(
        title="Festives", slug="festives", start_date=day, end_date=day + dt.timedelta(days=1)
    )
    programme.add_child(instance=festival)
    festival.save_revision().publish()
    at = dt.datetime.combine(day, dt.time(20), PARIS)
    add_event(festival, "concert", at, en=False, is_free=False, price="8.00")
    add_event(festival, "bal", at + dt.timedelta(hours=2), en=False)
    add_event(
        festival,
        "atelier",
        at - dt.timedelta(hours=4),
        en=False,
        registration_mode="portal",
        capacity=10,
    )
    data = json_ld(client, festival.url)
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["offers"] == {
        "@type": "AggregateOffer",
        "priceCurrency": "EUR",
        "lowPrice": "0",
        "highPrice": "8.00",
        "offerCount": 2,
    }
    assert len(data["subEvent"]) == 3
