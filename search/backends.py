"""What `SEARCH_URL` configures: the engine that answers readers' searches.

- unset or empty: readers' searches run on the portal's read model in the database (SQLite
  FTS5 or PostgreSQL tsvector, see docs/search.md); nothing else to run.
- `elasticsearch://[user:password@]host[:9200][/prefix]` (plain HTTP) or
  `elasticsearchs://...` / `https://...` (TLS): the read model is also mirrored into an
  Elasticsearch 8 index (`search.elastic`), which then answers readers, with the database as
  the fallback. The path, if any, prefixes the index name (`/halles` ->
  `halles_portal_search`), so several sites can share one cluster.

Wagtail's own search (the admin's page, image and snippet searches) always uses Wagtail's
database backend, whatever `SEARCH_URL` says: docs/search.md explains why.
"""

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

DATABASE_BACKEND = "wagtail.search.backends.database"
DEFAULT_PORT = 9200

SCHEMES = {
    "elasticsearch": "http",
    "elasticsearchs": "https",
    "http": "http",
    "https": "https",
}


@dataclass(frozen=True)
class EngineURL:
    """Where the external engine is, as `SEARCH_URL` says."""

    host: str
    port: int
    scheme: str
    username: str | None
    password: str | None
    index_prefix: str  # "halles_" or ""

    @property
    def node(self):
        return f"{self.scheme}://{self.host}:{self.port}"


def parse_search_url(url):
    """The `EngineURL` of a SEARCH_URL, None when it is empty; ImproperlyConfigured if bad."""
    url = (url or "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    scheme = SCHEMES.get(parts.scheme.lower())
    if scheme is None or not parts.hostname:
        raise ImproperlyConfigured(
            "SEARCH_URL must look like elasticsearch://host:9200, elasticsearchs://... or "
            "https://user:password@host:9200/prefix"
        )
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError as error:
        raise ImproperlyConfigured(f"SEARCH_URL has an invalid port: {error}") from error
    prefix = parts.path.strip("/").replace("/", "_").lower()
    return EngineURL(
        host=parts.hostname,
        port=port,
        scheme=scheme,
        username=unquote(parts.username) if parts.username is not None else None,
        password=unquote(parts.password or "") if parts.username is not None else None,
        index_prefix=f"{prefix}_" if prefix else "",
    )


def database_backend():
    # "simple": one configuration for French and English pages alike (Wagtail issue #1177),
    # as SQLite's FTS5 does.
    return {"BACKEND": DATABASE_BACKEND, "SEARCH_CONFIG": "simple"}


def search_backends_from_url(url):
    """WAGTAILSEARCH_BACKENDS (the admin's search): the database backend, always. The URL is
    parsed here too, so a malformed SEARCH_URL stops the portal at start, not at a search."""
    parse_search_url(url)
    return {"default": database_backend()}
