"""Calendars agree with the site (issue 18): for each event, festival and filtered feed, the
dates an independent reader (icalendar + recurring-ical-events) computes over 400 days, across
both daylight-saving changes, are the dates the site lists, exceptions and moved dates included.

RFC 5545 counts DTSTART as an occurrence even when the rule does not give it: an event whose
first date is not one of its weekdays must not get a phantom first date in calendar apps.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import recurring_ical_events
from icalendar import Calendar

from programme.models import FestivalPage, OccurrenceOverride
from tests.test_programme_pages import add_event, programme  # noqa: F401 - fixture

PARIS = ZoneInfo("Europe/Paris")
AFTER = dt.datetime(2026, 9, 1, tzinfo=PARIS)
BEFORE = AFTER + dt.timedelta(days=400)  # two DST changes: 25 Oct 2026, 28 Mar 2027


def feed_dates(client, url):
    response = client.get(url)
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    expanded = recurring_ical_events.of(calendar).between(AFTER, BEFORE)
    return sorted((str(e["SUMMARY"]), _instant(e["DTSTART"].dt)) for e in expanded)


def _instant(value):
    """A comparable moment: all-day dates as midnight in Paris."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC)
    return dt.datetime.combine(value, dt.time(), PARIS).astimezone(dt.UTC)


def site_dates(*events):
    dates = []
    for event in events:
        for occurrence in event.occurrences_between(AFTER, BEFORE, url=""):
            start = occurrence.start
            if event.all_day:
                start = dt.datetime.combine(occurrence.day, dt.time(), PARIS)
            dates.append((event.title, start.astimezone(dt.UTC)))
    return sorted(dates)


@pytest.fixture
def events(programme):  # noqa: F811
    # Entered on a Wednesday, repeating on Saturdays: the Wednesday is no occurrence.
    off_day = add_event(
        programme,
        "marche",
        dt.datetime(2026, 9, 2, 9, tzinfo=PARIS),
        en=False,
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["SA"],
        recurrence_until=dt.date(2027, 6, 30),
        recurrence_exclusions="2026-12-26",
    )
    counted = add_event(
        programme,
        "cafe",
        dt.datetime(2026, 10, 19, 9, tzinfo=PARIS),  # a Monday; the café is on Tuesdays
        en=False,
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["TU", "TH"],
        recurrence_count=8,
    )
    monthly = add_event(
        programme,
        "portes-ouvertes",
        dt.datetime(2026, 9, 1, 10, tzinfo=PARIS),  # a Tuesday; the first Saturday is the 5th
        en=False,
        recurrence_frequency="MONTHLY",
        recurrence_weekdays=["SA"],
        recurrence_setpos=1,
    )
    OccurrenceOverride.objects.create(
        event=monthly,
        locale=monthly.locale,
        date=dt.date(2026, 11, 7),
        new_start=dt.datetime(2026, 11, 8, 14, tzinfo=PARIS),
    )
    OccurrenceOverride.objects.create(
        event=monthly, locale=monthly.locale, date=dt.date(2027, 4, 3), status="cancelled"
    )
    all_day = add_event(
        programme,
        "braderie",
        dt.datetime(2026, 9, 3, 0, tzinfo=PARIS),  # a Thursday; the braderie is on Sundays
        hours=24,
        en=False,
        all_day=True,
        recurrence_frequency="WEEKLY",
        recurrence_interval=2,
        recurrence_weekdays=["SU"],
        recurrence_count=10,
    )
    return [off_day, counted, monthly, all_day]


def test_each_event_calendar_gives_the_sites_dates(client, events):
    for event in events:
        expected = site_dates(event)
        assert expected, event.title
        assert feed_dates(client, f"{event.url}calendar/") == expected, event.title
    # The phantom dates of the old feed are not there.
    marche = feed_dates(client, f"{events[0].url}calendar/")
    assert marche[0][1] == dt.datetime(2026, 9, 5, 7, tzinfo=dt.UTC)
    assert len(feed_dates(client, f"{events[1].url}calendar/")) == 8


def test_programme_filtered_and_festival_feeds_give_the_sites_dates(client, programme, events):  # noqa: F811
    assert feed_dates(client, "/fr/programme/calendar/?from=2026-09-01&to=2027-10-05") == (
        site_dates(*events)
    )
    festival = FestivalPage(
        title="Festives",
        slug="festives",
        start_date=dt.date(2026, 9, 1),
        end_date=dt.date(2027, 9, 30),
    )
    programme.add_child(instance=festival)
    festival.save_revision().publish()
    concert = add_event(
        festival,
        "concerts",
        dt.datetime(2026, 9, 4, 20, tzinfo=PARIS),  # a Friday; the concerts are on Sundays
        en=False,
        recurrence_frequency="WEEKLY",
        recurrence_weekdays=["SU"],
        recurrence_count=5,
    )
    assert feed_dates(client, "/fr/programme/festives/calendar/") == site_dates(concert)
