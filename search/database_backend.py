"""Wagtail's database search backend, faster on SQLite: what `BACKEND` names without Elasticsearch.

On PostgreSQL (or a SQLite without FTS5) this is exactly modelsearch's database backend. On
SQLite with FTS5 it is `search.sqlite_backend`, which gives the same answers without
modelsearch's per-row cost (see there).
"""

from modelsearch.backends.database import SearchBackend as database_search_backend

SQLITE_FTS_MODULE = "modelsearch.backends.database.sqlite.sqlite"


def SearchBackend(params):  # noqa: N802 - modelsearch looks the backend up by this name
    backend = database_search_backend(params)
    # Only import the SQLite module once modelsearch has: it needs the FTS5 table's model.
    if type(backend).__module__ == SQLITE_FTS_MODULE:
        from .sqlite_backend import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    return backend
