"""The programme's models: rooms of the halls, the programme index, festivals and events."""

from .events import EventOccurrence, EventPage
from .pages import FestivalPage, ProgrammePage
from .rooms import Room

__all__ = ["EventOccurrence", "EventPage", "FestivalPage", "ProgrammePage", "Room"]
