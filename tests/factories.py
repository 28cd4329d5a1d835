"""Builders of test content: the ones the demo loader uses too (see demo/factories.py)."""

from demo.factories import (
    article,
    author,
    directory_index,
    news_index,
    organisation,
    place,
    theme,
)

__all__ = ["article", "author", "directory_index", "news_index", "organisation", "place", "theme"]
