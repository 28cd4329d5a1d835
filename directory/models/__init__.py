"""Directory models: themes (snippets), the directory index and its two kinds of entries."""

from .entries import (
    DirectoryEntryPage,
    OrganisationPage,
    OrganisationPageKeyword,
    PlacePage,
    PlacePageKeyword,
)
from .index import DirectoryIndexPage
from .snippets import Theme

__all__ = [
    "DirectoryEntryPage",
    "DirectoryIndexPage",
    "OrganisationPage",
    "OrganisationPageKeyword",
    "PlacePage",
    "PlacePageKeyword",
    "Theme",
]
