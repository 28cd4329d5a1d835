import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone

from ..choices import EventStatus
from ..recurrence import local_zone

if TYPE_CHECKING:
    from .events import EventPage


@dataclass
class EventOccurrence:
    """One date of an event: a one-off event has one, a repeating event one per repetition."""

    event: "EventPage"
    start: dt.datetime
    end: dt.datetime
    title: str = ""
    url: str = ""
    status: str = EventStatus.SCHEDULED
    room: object = None

    def __post_init__(self):
        self.title = self.title or self.event.title
        self.status = self.event.status

    @property
    def day(self):
        return timezone.localtime(self.start, local_zone()).date()

    @property
    def all_day(self):
        return self.event.all_day

    @property
    def is_cancelled(self):
        return self.status == EventStatus.CANCELLED

    def get_status_display(self):
        return EventStatus(self.status).label
