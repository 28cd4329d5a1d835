"""The programme's models: rooms of the halls, the programme index, festivals and events."""

from .events import EventOccurrence, EventPage
from .overrides import OccurrenceOverride
from .pages import FestivalPage, ProgrammePage
from .registrations import Registration
from .rooms import Room

__all__ = [
    "EventOccurrence",
    "EventPage",
    "FestivalPage",
    "OccurrenceOverride",
    "ProgrammePage",
    "Registration",
    "Room",
]
