"""The app's models, for Django: rooms of the halls, the programme and festival pages, events,
changes to single dates, their stored dates and registrations."""

from .events import EventPage
from .occurrence_store import StoredOccurrence, StoredSpan
from .overrides import OccurrenceOverride
from .pages import FestivalPage, ProgrammePage
from .registrations import Registration
from .rooms import Room
from .subscriptions import CalendarSubscription, ImportedEvent, OpenAgendaEvent

__all__ = [
    "CalendarSubscription",
    "EventPage",
    "FestivalPage",
    "ImportedEvent",
    "OccurrenceOverride",
    "OpenAgendaEvent",
    "ProgrammePage",
    "Registration",
    "Room",
    "StoredOccurrence",
    "StoredSpan",
]
