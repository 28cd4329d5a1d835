"""The app's models, for Django: hire requests, room feeds and the room hire pages."""

from .hires import RoomFeed, RoomRequest
from .pages import RoomPage, RoomPhoto, RoomsIndexPage

__all__ = ["RoomFeed", "RoomPage", "RoomPhoto", "RoomRequest", "RoomsIndexPage"]
