"""Calendar files: they parse, carry the Paris time zone, and expand to the site's dates."""

import datetime as dt
from zoneinfo import ZoneInfo

import recurring_ical_events
from bs4 import BeautifulSoup
from icalendar import Calendar

from programme.models import FestivalPage
from tests.test_programme_pages import add_event, programme  # noqa: F401 - fixture

PARIS = ZoneInfo("Europe/Paris")


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def open_days(programme, **fields):  # noqa: F811
    start = dt.datetime(2026, 9, 5, 10, tzinfo=PARIS)
    return add_event(
        programme,
        "portes-ouvertes",
        start,
        hours=7,
        en=False,
        recurrence_frequency="MONTHLY",
        recurrence_weekdays=["SA"],
        recurrence_setpos=1,
        recurrence_exclusions="2026-12-05",
        format="open-doors",
        **fields,
    )


def test_event_calendar_has_timezone_rule_exclusions_and_url(client, programme):  # noqa: F811
    event = open_days(programme)
    calendar = parse(client.get(f"{event.url}calendar/"))
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["UID"]) == f"event-{event.translation_key}@halles-civiques"
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert vevent["DTSTART"].dt == dt.datetime(2026, 9, 5, 10, tzinfo=PARIS)
    assert vevent["RRULE"]["BYSETPOS"] == [1] and vevent["RRULE"]["BYDAY"] == ["SA"]
    assert vevent["EXDATE"].dts[0].dt == dt.datetime(2026, 12, 5, 10, tzinfo=PARIS)
    assert str(vevent["URL"]) == f"http://testserver{event.url}"
    assert str(vevent["STATUS"]) == "CONFIRMED"


def test_programme_feed_expands_to_the_same_dates_as_the_listing(client, programme):  # noqa: F811
    open_days(programme)
    add_event(programme, "debat", dt.datetime(2026, 10, 25, 18, tzinfo=PARIS), en=False)
    add_event(
        programme,
        "cafe",
        dt.datetime(2026, 10, 20, 9, tzinfo=PARIS),
        en=False,
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["TU"],
        recurrence_count=6,
    )
    query = "from=2026-10-01&to=2026-12-31"
    soup = BeautifulSoup(client.get(f"/fr/programme/?{query}").text, "html.parser")
    shown = sorted(
        (card.select_one(".card__title a").text, dt.datetime.fromisoformat(card.time["datetime"]))
        for card in soup.select(".card--event")
    )
    calendar = parse(client.get(f"/fr/programme/calendar/?{query}"))
    expanded = recurring_ical_events.of(calendar).between(
        dt.datetime(2026, 10, 1, tzinfo=PARIS), dt.datetime(2027, 1, 1, tzinfo=PARIS)
    )
    from_feed = sorted((str(e["SUMMARY"]), e["DTSTART"].dt) for e in expanded)
    assert from_feed == shown
    assert len(shown) == 1 + 1 + 6 + 1  # Oct 3, Nov 7 (Dec 5 excluded), six cafés, one debate


def test_feed_honours_filters_and_marks_cancellations(client, programme):  # noqa: F811
    start = dt.datetime(2026, 10, 25, 18, tzinfo=PARIS)
    add_event(programme, "debat", start, en=False, format="debate", status="cancelled")
    add_event(programme, "atelier", start, en=False, format="workshop")
    calendar = parse(client.get("/fr/programme/calendar/?format=debate&from=2026-10-01"))
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Debat"
    assert str(vevent["STATUS"]) == "CANCELLED"


def test_festival_feed_has_only_its_events(client, programme):  # noqa: F811
    festival = FestivalPage(
        title="Festives",
        slug="festives",
        start_date=dt.date(2027, 9, 18),
        end_date=dt.date(2027, 9, 19),
    )
    programme.add_child(instance=festival)
    festival.save_revision().publish()
    add_event(festival, "concert", dt.datetime(2027, 9, 18, 20, tzinfo=PARIS), en=False)
    add_event(programme, "hors-festival", dt.datetime(2027, 9, 18, 10, tzinfo=PARIS), en=False)
    calendar = parse(client.get("/fr/programme/festives/calendar/"))
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == ["Concert"]
    page = client.get("/fr/programme/festives/")
    assert page.status_code == 200 and "Concert" in page.text and "Hors festival" not in page.text
    listing = client.get("/fr/programme/?from=2027-09-18&to=2027-09-19").text
    assert "Concert" in listing and "Hors festival" in listing


def _feed_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm the site's cached root paths
    with CaptureQueriesContext(connection) as queries:
        parse(client.get(url))
    return len(queries)


def test_feed_query_count_does_not_grow_with_events(client, programme):  # noqa: F811
    from decimal import Decimal

    from programme.models import Room

    festival = FestivalPage(
        title="Festives",
        slug="festives",
        start_date=dt.date(2027, 9, 18),
        end_date=dt.date(2027, 9, 19),
    )
    programme.add_child(instance=festival)
    festival.save_revision().publish()
    room = Room.objects.create(name="Salle", slug="salle", locale=programme.locale)
    urls = ("/fr/programme/calendar/?from=2027-09-01", "/fr/programme/festives/calendar/")

    def add(count, offset):
        for n in range(offset, offset + count):
            parent = festival if n % 2 else programme
            fields = (
                {"room": room}
                if n % 3
                else {
                    "venue_name": "Pelouses",
                    "latitude": Decimal("48.87"),
                    "longitude": Decimal("2.38"),
                }
            )
            if n % 4 == 0:
                fields.update(recurrence_frequency="DAILY", recurrence_count=2)
            add_event(
                parent,
                f"e{n}",
                dt.datetime(2027, 9, 18, 9 + n % 10, tzinfo=PARIS),
                en=False,
                **fields,
            )

    add(4, 0)
    few = [_feed_queries(client, url) for url in urls]
    add(12, 4)
    assert [_feed_queries(client, url) for url in urls] == few


def test_long_lines_fold_and_read_back_intact(client, programme):  # noqa: F811
    summary = "Déjà-vu ; virgules, barres \\ obliques — « guillemets » " * 3
    event = add_event(
        programme,
        "long",
        dt.datetime(2027, 3, 4, 18, tzinfo=PARIS),
        en=False,
        title="Atelier très, très long ; " * 4,
        summary=summary.strip(),
        all_day=True,
    )
    response = client.get(f"{event.url}calendar/")
    assert all(len(line) <= 75 for line in response.content.split(b"\r\n"))
    (vevent,) = parse(response).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == event.title
    assert str(vevent["DESCRIPTION"]) == summary.strip()
    assert vevent["DTSTART"].dt == dt.date(2027, 3, 4)
    assert vevent["DTEND"].dt == dt.date(2027, 3, 5)
