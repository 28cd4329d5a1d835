"""Which search engine the portal uses, read from one environment variable, `SEARCH_URL`.

- unset or empty: Wagtail's database backend (SQLite FTS5 or PostgreSQL full text, following
  `DATABASE_URL`); nothing else to run.
- `elasticsearch://[user:password@]host[:9200][/prefix]` (plain HTTP) or
  `elasticsearchs://...` / `https://...` (TLS): Wagtail's `elasticsearch8` backend, with a short
  time-out and no retries so a dead engine costs a reader seconds, not minutes. The path, if
  any, prefixes the index names (`/halles` -> `halles_wagtailcore_page`), so several sites can
  share one cluster. The database index is kept up to date as well, under the alias
  `database`: it is what public search falls back to when the engine fails.
"""

from urllib.parse import unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

DATABASE_BACKEND = "search.database_backend"
ELASTICSEARCH_BACKEND = "wagtail.search.backends.elasticsearch8"
FALLBACK_ALIAS = "database"
DEFAULT_PORT = 9200
DEFAULT_TIMEOUT = 3

SCHEMES = {
    "elasticsearch": "http",
    "elasticsearchs": "https",
    "http": "http",
    "https": "https",
}

# Elasticsearch analyses text as SQLite FTS5's unicode61 tokenizer does (lower case, accents
# folded, French elision removed), so the raw words of a query match the same documents on
# both; stemming is done by the portal itself (see search.query).
ELASTICSEARCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "filter": {
                "portal_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": [
                        "l",
                        "m",
                        "t",
                        "qu",
                        "n",
                        "s",
                        "j",
                        "d",
                        "c",
                        "jusqu",
                        "quoiqu",
                        "lorsqu",
                        "puisqu",
                    ],
                }
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["portal_elision", "lowercase", "asciifolding"],
                }
            },
        }
    }
}


def database_backend():
    # "simple": PostgreSQL must not stem raw words with its own (English) configuration, or it
    # would find more than SQLite and Elasticsearch; stems are the portal's job.
    return {"BACKEND": DATABASE_BACKEND, "SEARCH_CONFIG": "simple"}


def search_backends_from_url(url, timeout=DEFAULT_TIMEOUT):
    """WAGTAILSEARCH_BACKENDS for a SEARCH_URL (see the module's docstring)."""
    url = (url or "").strip()
    if not url:
        return {"default": database_backend()}
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
    options = {"max_retries": 0, "retry_on_timeout": False}
    if parts.username is not None:
        options["basic_auth"] = (unquote(parts.username), unquote(parts.password or ""))
    prefix = parts.path.strip("/").replace("/", "_").lower()
    return {
        "default": {
            "BACKEND": ELASTICSEARCH_BACKEND,
            "HOSTS": [{"host": parts.hostname, "port": port, "scheme": scheme}],
            "INDEX_PREFIX": f"{prefix}_" if prefix else "",
            "TIMEOUT": timeout,
            "OPTIONS": options,
            "INDEX_SETTINGS": ELASTICSEARCH_INDEX_SETTINGS,
            "ATOMIC_REBUILD": True,
        },
        FALLBACK_ALIAS: database_backend(),
    }
