"""The app's models, for Django: themes, the directory index and its two kinds of entries."""

from .entries import OrganisationPage, OrganisationPageKeyword, PlacePage, PlacePageKeyword
from .entry_base import DirectoryEntryPage
from .freshness import StaleHiding
from .index_page import DirectoryIndexPage
from .themes import Theme

__all__ = [
    "DirectoryEntryPage",
    "DirectoryIndexPage",
    "OrganisationPage",
    "OrganisationPageKeyword",
    "PlacePage",
    "PlacePageKeyword",
    "StaleHiding",
    "Theme",
]
