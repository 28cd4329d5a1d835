"""The programme's month calendar: weeks of days, each with its occurrences and the address of
its list, built from the occurrences the filters selected for that month."""

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR

from .recurrence import local_zone

# A cell shows this many titles; the day's list gives the rest.
TITLES_PER_DAY = 3


@dataclass
class Day:
    date: dt.date
    in_month: bool
    is_today: bool
    url: str = ""
    occurrences: list = field(default_factory=list)

    @property
    def shown(self):
        return self.occurrences[:TITLES_PER_DAY]

    @property
    def more(self):
        return max(0, len(self.occurrences) - TITLES_PER_DAY)


@dataclass
class Month:
    first: dt.date
    weeks: list
    previous: dt.date
    previous_url: str
    following: dt.date
    next_url: str
    weekdays: list  # (short name, full name), Monday first


def _weekday_names():
    return [(str(WEEKDAYS_ABBR[day]), str(WEEKDAYS[day])) for day in range(7)]


def build_month(first, occurrences, day_url, month_url):
    """The weeks (Monday first) of the month starting on `first`.

    `day_url(date)` gives the list of one day, `month_url(date)` the calendar of another month;
    both keep the reader's filters."""
    zone = local_zone()
    today = timezone.localdate(timezone.now(), zone)
    by_day = {}
    for occurrence in occurrences:
        start = timezone.localtime(occurrence.start, zone).date()
        end = timezone.localtime(occurrence.end, zone).date() if occurrence.end else start
        # An event over several days shows on each of them (inside the month).
        day = start
        while day <= end and (day - start).days < 62:
            by_day.setdefault(day, []).append(occurrence)
            day += dt.timedelta(days=1)
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        row = []
        for date in week:
            in_month = date.month == first.month
            items = by_day.get(date, []) if in_month else []
            row.append(Day(date, in_month, date == today, day_url(date) if items else "", items))
        weeks.append(row)
    previous = (first - dt.timedelta(days=1)).replace(day=1)
    following = (first + dt.timedelta(days=32)).replace(day=1)
    return Month(
        first,
        weeks,
        previous,
        month_url(previous),
        following,
        month_url(following),
        _weekday_names(),
    )
