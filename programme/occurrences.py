"""One date of an event, as listings, calendars and registrations see it."""

import datetime as dt
from dataclasses import dataclass

from django.utils import formats, timezone
from wagtail.models import Page

from .choices import EventStatus
from .recurrence import local_zone


@dataclass
class EventOccurrence:
    """One date of an event: a one-off event has one, a repeating event one per repetition.

    `original_start` is the date the rule gives (the iCalendar RECURRENCE-ID); `start` differs
    from it when an editor moved this one date. `status` is the event's, unless the event is
    scheduled and this date has its own status.
    """

    event: Page  # the EventPage
    start: dt.datetime
    end: dt.datetime
    title: str = ""
    url: str = ""
    status: str = ""
    room: object = None
    original_start: dt.datetime | None = None
    note: str = ""

    def __post_init__(self):
        self.title = self.title or self.event.title
        if self.original_start is None:
            self.original_start = self.start
        event_status = self.event.status
        if not self.status or event_status != EventStatus.SCHEDULED:
            self.status = event_status

    @property
    def day(self):
        return timezone.localtime(self.start, local_zone()).date()

    @property
    def all_day(self):
        return self.event.all_day

    @property
    def when_text(self):
        """The start as listings show it: the day alone for an all-day event."""
        shown = "DATE_FORMAT" if self.all_day else "DATETIME_FORMAT"
        return formats.date_format(timezone.localtime(self.start), shown)

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    @property
    def is_moved(self):
        return self.start != self.original_start

    @property
    def key(self):
        """The occurrence's identity in forms and registrations: its planned start, in UTC."""
        return self.original_start.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")

    def get_status_display(self):
        return EventStatus(self.status).label

    @property
    def status_notice(self):
        """The status, for cards, when it is not the usual one ("scheduled")."""
        return self.get_status_display() if self.status != EventStatus.SCHEDULED else ""
