"""Repeating events: what editors are told when the rule is wrong, and the dates readers get."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.utils import translation

from programme.models import EventPage
from tests.test_programme_pages import add_event, programme  # noqa: F401 - fixture

PARIS = ZoneInfo("Europe/Paris")
UTC = dt.UTC

pytestmark = pytest.mark.django_db  # building a page looks up its content type


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def first_saturdays(**fields):
    # Saturday 5 September 2026, 10:00 in Paris; summer time ends on 25 October 2026.
    start = dt.datetime(2026, 9, 5, 10, tzinfo=PARIS)
    rule = {
        "recurrence_frequency": "MONTHLY",
        "recurrence_weekdays": ["SA"],
        "recurrence_setpos": 1,
        **fields,
    }
    return EventPage(
        title="Portes ouvertes",
        slug="portes-ouvertes",
        start=start,
        end=start + dt.timedelta(hours=7),
        **rule,
    )


def test_first_saturday_of_the_month_keeps_its_local_time_across_dst():
    event = first_saturdays(recurrence_exclusions="2026-12-05\n")
    starts = event.starts_between(
        dt.datetime(2026, 9, 1, tzinfo=UTC), dt.datetime(2027, 3, 1, tzinfo=UTC)
    )
    local = [start.astimezone(PARIS) for start in starts]
    assert [s.date() for s in local] == [
        dt.date(2026, 9, 5),
        dt.date(2026, 10, 3),
        dt.date(2026, 11, 7),
        dt.date(2027, 1, 2),
        dt.date(2027, 2, 6),
    ]  # 5 December excluded
    assert {s.time() for s in local} == {dt.time(10)}
    assert [s.astimezone(UTC).hour for s in starts] == [8, 8, 9, 9, 9]
    assert event.rrule_string == "FREQ=MONTHLY;BYDAY=SA;BYSETPOS=1"
    exdate = event.exclusion_starts()[0]
    assert exdate == dt.datetime(2026, 12, 5, 10, tzinfo=PARIS)


def test_running_occurrence_is_kept_and_until_is_inclusive():
    event = first_saturdays(recurrence_until=dt.date(2026, 11, 7))
    # Noon on 3 October: the open day started at 10:00 and is still running.
    starts = event.starts_between(
        dt.datetime(2026, 10, 3, 12, tzinfo=PARIS), dt.datetime(2027, 12, 1, tzinfo=PARIS)
    )
    assert [s.date() for s in starts] == [dt.date(2026, 10, 3), dt.date(2026, 11, 7)]
    assert "UNTIL=20261107T225959Z" in event.rrule_string


def test_weekly_every_other_week_with_a_count():
    start = dt.datetime(2026, 3, 3, 18, tzinfo=PARIS)  # a Tuesday, before the March DST change
    event = EventPage(
        title="Café",
        slug="cafe",
        start=start,
        end=start + dt.timedelta(hours=2),
        recurrence_frequency="WEEKLY",
        recurrence_interval=2,
        recurrence_weekdays=["TU", "TH"],
        recurrence_count=4,
    )
    starts = event.starts_between(start, start + dt.timedelta(days=365))
    assert [(s.day, s.month, s.hour) for s in starts] == [
        (3, 3, 18),
        (5, 3, 18),
        (17, 3, 18),
        (19, 3, 18),
    ]
    assert event.rrule_string == "FREQ=WEEKLY;COUNT=4;INTERVAL=2;BYDAY=TU,TH"


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"recurrence_setpos": None}, "recurrence_setpos", "Say which one in the month"),
        ({"recurrence_frequency": "WEEKLY"}, "recurrence_setpos", "needs a monthly repetition"),
        (
            {"recurrence_until": dt.date(2027, 1, 1), "recurrence_count": 3},
            "recurrence_count",
            "either an end date or a number of times",
        ),
        ({"recurrence_until": dt.date(2026, 1, 1)}, "recurrence_until", "cannot end before"),
        (
            {"recurrence_exclusions": "2026-12-05\n5 décembre"},
            "recurrence_exclusions",
            "“5 décembre” is not a date",
        ),
        ({"recurrence_weekdays": ["XX"]}, "recurrence_weekdays", "Choose days"),
        ({"recurrence_frequency": ""}, "recurrence_frequency", "Choose how often"),
    ],
)
def test_malformed_recurrence_is_explained(fields, field, message):
    event = first_saturdays(**fields)
    errors = event.clean_recurrence()
    assert field in errors
    text = (
        errors[field].messages[0]
        if isinstance(errors[field], ValidationError)
        else str(errors[field])
    )
    assert message in text


def test_editor_sees_the_messages_on_save(programme):  # noqa: F811
    event = first_saturdays(recurrence_count=2, recurrence_until=dt.date(2027, 1, 1))
    event.end = event.start - dt.timedelta(hours=1)
    programme.add_child(
        instance=EventPage(
            title="ok", slug="ok", start=event.start, end=event.start + dt.timedelta(hours=1)
        )
    )
    event.locale = programme.locale
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert error.value.message_dict["end"] == ["The end must be after the start."]
    event.end = event.start + dt.timedelta(hours=1)
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert "recurrence_count" in error.value.message_dict


def test_listing_shows_each_repetition_on_its_day(client, programme):  # noqa: F811
    start = dt.datetime(2026, 9, 5, 10, tzinfo=PARIS)
    add_event(
        programme,
        "portes-ouvertes",
        start,
        hours=7,
        en=False,
        recurrence_frequency="MONTHLY",
        recurrence_weekdays=["SA"],
        recurrence_setpos=1,
        recurrence_exclusions="2026-10-03",
    )
    soup = BeautifulSoup(
        client.get("/fr/programme/?from=2026-09-01&to=2026-12-31").text, "html.parser"
    )
    days = [h2.time["datetime"] for h2 in soup.select(".programme-day h2")]
    assert days == ["2026-09-05", "2026-11-07", "2026-12-05"]
    times = [t["datetime"] for t in soup.select(".agenda__time time")]
    assert times[1] == "2026-11-07T10:00:00+01:00"
