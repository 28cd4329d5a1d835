"""Search engines: each answers `Criteria` with ranked ids and facet counts (see `base`).

The database in use is the engine: SQLite's FTS5 or PostgreSQL's tsvector, on the read model.
"""

from django.db import connection

from .base import KIND, NAME, NEWEST, RELEVANCE, Criteria, UnsupportedDatabase
from .postgresql import PostgreSQLEngine
from .sqlite import SQLiteEngine

ENGINES = {"sqlite": SQLiteEngine(), "postgresql": PostgreSQLEngine()}

__all__ = ["KIND", "NAME", "NEWEST", "RELEVANCE", "Criteria", "UnsupportedDatabase", "engine"]


def engine():
    try:
        return ENGINES[connection.vendor]
    except KeyError:
        raise UnsupportedDatabase(
            f"Search needs SQLite or PostgreSQL, not {connection.vendor}"
        ) from None
