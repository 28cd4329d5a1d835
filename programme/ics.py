"""A lean iCalendar (RFC 5545) writer for the programme's feeds.

The icalendar library builds objects for every property and parameter and folds lines one
character at a time: for a programme of 5,000 events that was most of the feed's time. The
feeds use a handful of property types, written here as text; icalendar still provides the
VTIMEZONE (once per process) and the RRULE values, and the tests read every feed back with it.
"""

import datetime as dt
from functools import lru_cache

from django.utils import timezone
from icalendar import Calendar, Event, vRecur

from publicforms.text import strip_control_characters

CRLF = "\r\n"
LINE_OCTETS = 75


def text(value):
    """A TEXT value, escaped (backslash, semicolon, comma, line breaks); control characters,
    which RFC 5545 forbids, are dropped (stored before the input rule, they must not break
    the file)."""
    return (
        strip_control_characters(str(value))
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\r", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """Fold a content line at 75 octets, never inside a UTF-8 character or an escape."""
    data = line.encode()
    if len(data) <= LINE_OCTETS:
        return line
    parts, start, limit = [], 0, LINE_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # a continuation byte: step back to the start
            end -= 1
        if data[end - 1] == ord("\\"):  # keep "\n", "\;"... on one line for old clients
            end -= 1
        parts.append(data[start:end])
        start, limit = end, LINE_OCTETS - 1  # continuation lines begin with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts).decode()


def utc_stamp(moment):
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


class Writer:
    """Collects content lines; remembers whether a local time (TZID) was written."""

    def __init__(self, zone):
        self.zone = zone
        self.lines = []
        self.uses_zone = False
        self.labels = {}

    def label(self, choices, value):
        """A choice's label in the active language, translated once per file."""
        key = (choices, value)
        if key not in self.labels:
            self.labels[key] = str(dict(choices.choices).get(value, value))
        return self.labels[key]

    def line(self, name, value):
        self.lines.append(fold(f"{name}:{value}"))

    def text(self, name, value):
        self.line(name, text(value))

    def moment(self, name, value, all_day=False):
        """A DATE (all-day events) or a DATE-TIME in the local zone with its TZID."""
        if isinstance(value, dt.datetime) and not all_day:
            self.uses_zone = True
            local = timezone.localtime(value, self.zone)
            self.line(f"{name};TZID={self.zone.key}", local.strftime("%Y%m%dT%H%M%S"))
        else:
            day = (
                timezone.localtime(value, self.zone).date()
                if isinstance(value, dt.datetime)
                else value
            )
            self.line(f"{name};VALUE=DATE", day.strftime("%Y%m%d"))

    def moments(self, name, values, all_day=False):
        if all_day:
            days = ",".join(value.strftime("%Y%m%d") for value in values)
            self.line(f"{name};VALUE=DATE", days)
            return
        self.uses_zone = True
        stamps = ",".join(
            timezone.localtime(value, self.zone).strftime("%Y%m%dT%H%M%S") for value in values
        )
        self.line(f"{name};TZID={self.zone.key}", stamps)

    def rrule(self, parts):
        self.line("RRULE", vRecur(parts).to_ical().decode())


@lru_cache(maxsize=4)
def vtimezone(zone):
    """The VTIMEZONE of `zone`, as icalendar writes it (the same for every feed)."""
    calendar = Calendar()
    event = Event()
    event.add("dtstart", dt.datetime(2000, 1, 1, tzinfo=zone))
    calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.timezones[0].to_ical().decode().rstrip(CRLF).replace(CRLF, "\n").split("\n")


def calendar(properties, writer):
    """The whole file: VCALENDAR with `properties`, the zone if used, then the events."""
    lines = ["BEGIN:VCALENDAR", *(fold(f"{name}:{value}") for name, value in properties)]
    if writer.uses_zone:
        lines.extend(vtimezone(writer.zone))
    lines.extend(writer.lines)
    lines.append("END:VCALENDAR")
    return (CRLF.join(lines) + CRLF).encode()
