"""The portal's one search design, the same on SQLite FTS5, PostgreSQL and Elasticsearch 8.

How it works, and why:

- **Indexing.** Each searchable page type inherits `search.index.StemmedSearchMixin` and adds
  `STEMMED_SEARCH_FIELDS`: besides its ordinary fields, the index stores `search_stems`, the
  Snowball stems of all its searchable text *in the page's own language* (French elision such
  as "l'" or "d'" removed, lower-cased, accents folded before stemming), and a folded copy of
  the title for autocomplete. The engines only store and match words; no engine-side
  language analysis is needed, which is why the answers are identical everywhere (SQLite's
  FTS5 does not stem, PostgreSQL has one text-search configuration per backend, Wagtail
  issues #1177 and #9253).
- **Querying.** A reader's query is cut into words (punctuation, quotes and operators dropped,
  French or English stop words ignored), each word is folded and stemmed with the *reader's*
  language stemmer, and every word must match, either as typed or as a stem:
  ``And(Or(word, stem), ...)``. Only pages in the reader's locale are searched, so a page's
  language and its reader's always agree. "citoyens" and "citoyenne" share the stem
  "citoyen", "democratie" and "Démocratie" the folded stem "democrat".
- **Ranking.** The engine orders by its relevance score; the portal then puts first the pages
  whose *name* contains the most query words (by stem), keeping the engine's order within
  each group, so "a name match ranks above a description match" holds on every backend.
- **Failures.** With Elasticsearch configured, the database index is kept up to date as
  well (`search.backends`); if the engine raises (down, slow beyond its few-second time-out,
  index missing), the same query runs on the database backend and the answer is marked
  `degraded` so the page can say results may be incomplete. After a failure the engine is
  left alone for `RETRY_AFTER` seconds, so a dead engine does not cost every reader a
  time-out.
- **Typos.** When a query finds nothing, a fuzzy pass on names is tried where the backend can
  do it: trigram similarity on PostgreSQL, `fuzziness` on Elasticsearch (SQLite cannot).
"""

import json
import logging
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from modelsearch.query import And, Or, PlainText
from wagtail.search.backends import get_search_backend

from .backends import FALLBACK_ALIAS
from .text import fold, query_words, stem_words, stems

logger = logging.getLogger(__name__)

MAX_RESULTS = 2000
MAX_QUERY_WORDS = 12
RETRY_AFTER = 30  # seconds during which a failed engine is not asked again
TRIGRAM_THRESHOLD = 0.3
HIT_FIELDS = ("id", "title", "content_type_id", "locale_id")

try:  # the client is a dependency, but the database-only setup must not need it
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    ENGINE_ERRORS = (TransportError, ApiError, ConnectionError, TimeoutError)
except ImportError:  # pragma: no cover
    ENGINE_ERRORS = (ConnectionError, TimeoutError)


@dataclass
class Hits:
    """Pages found, best first, and whether a failing engine made the database answer."""

    pages: list = field(default_factory=list)
    degraded: bool = False
    fuzzy: bool = False

    @property
    def ids(self):
        return [page.pk for page in self.pages]


# --- Backends ---------------------------------------------------------------------------------

_backends = {}
_engine_down_until = {}


def _config_key(alias):
    config = getattr(settings, "WAGTAILSEARCH_BACKENDS", {}).get(alias, {})
    return alias + json.dumps(config, sort_keys=True, default=str)


def _backend(alias):
    """One backend instance per configuration, so its HTTP connections are reused."""
    key = _config_key(alias)
    if key not in _backends:
        _backends[key] = get_search_backend(alias)
    return _backends[key]


def _has_fallback():
    return FALLBACK_ALIAS in getattr(settings, "WAGTAILSEARCH_BACKENDS", {})


def run_with_fallback(operation):
    """operation(backend) on the default backend, or on the database one if the engine fails.

    Returns (result, degraded).
    """
    key = _config_key("default")
    if _has_fallback() and _engine_down_until.get(key, 0) > time.monotonic():
        return operation(_backend(FALLBACK_ALIAS)), True
    try:
        return operation(_backend("default")), False
    except ENGINE_ERRORS:
        if not _has_fallback():
            raise
        logger.warning("Search engine failed; answering from the database", exc_info=True)
        _engine_down_until[key] = time.monotonic() + RETRY_AFTER
        return operation(_backend(FALLBACK_ALIAS)), True


def engine_is_elasticsearch(backend):
    return getattr(backend, "es", None) is not None


# --- Queries ----------------------------------------------------------------------------------


def prepare(query, language):
    """(the words, their stems, the search query object) for a reader's query string."""
    words = query_words(query or "", language)[:MAX_QUERY_WORDS]
    word_stems = stem_words(words, language)
    parts = [
        PlainText(stem) if word == stem else Or([PlainText(word), PlainText(stem)])
        for word, stem in zip(words, word_stems, strict=True)
    ]
    if not parts:
        return words, word_stems, None
    return words, word_stems, parts[0] if len(parts) == 1 else And(parts)


def name_matches(title, query_stems, language):
    """How many of the query's stems the page's name contains."""
    return len(set(query_stems) & set(stems(title, language)))


def rank_by_name(pages, query_stems, language):
    """Name matches first, the engine's order kept within each group (a stable sort)."""
    return sorted(pages, key=lambda page: -name_matches(page.title, query_stems, language))


def _fuzzy_titles(backend, queryset, words, limit):
    """Pages whose name is close to the words, where the backend can say so."""
    text = " ".join(words)
    if engine_is_elasticsearch(backend):
        from modelsearch.query import Fuzzy

        return list(backend.search(Fuzzy(text, operator="and"), queryset, fields=["title"])[:limit])
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import TrigramSimilarity

        return list(
            queryset.annotate(similarity=TrigramSimilarity("title", text))
            .filter(similarity__gte=TRIGRAM_THRESHOLD)
            .order_by("-similarity", "pk")[:limit]
        )
    return []


def search_pages(queryset, query, language, limit=MAX_RESULTS, fuzzy=True):
    """Pages of `queryset` matching `query` for a reader of `language`, best first.

    `queryset` decides what may be found (live, public, locale, part of the tree); this adds
    the words. Returns `Hits`, whose pages carry only `HIT_FIELDS` (up to `limit` of them are
    built, so the rest is left to load for the few a caller shows).
    """
    words, word_stems, search_query = prepare(query, language)
    if search_query is None:
        return Hits()
    queryset = queryset.only(*HIT_FIELDS)

    def operation(backend):
        results = list(backend.search(search_query, queryset, order_by_relevance=True)[:limit])
        found_fuzzy = False
        if not results and fuzzy:
            results = _fuzzy_titles(backend, queryset, words, limit)
            found_fuzzy = bool(results)
        return rank_by_name(results, word_stems, language), found_fuzzy

    (pages, found_fuzzy), degraded = run_with_fallback(operation)
    return Hits(pages=pages, degraded=degraded, fuzzy=found_fuzzy)


def autocomplete(queryset, query, language, limit=8):
    """Pages of `queryset` whose name has words starting like the typed ones. Returns `Hits`."""
    words = [fold(word) for word in query_words(query or "", language)][:MAX_QUERY_WORDS]
    if not words or len("".join(words)) < 2:
        return Hits()
    text = " ".join(words)

    def operation(backend):
        results = list(
            backend.autocomplete(text, queryset, operator="and", order_by_relevance=True)[
                : limit * 3
            ]
        )
        # Names that start with the typed letters first, then the engine's order.
        results.sort(key=lambda page: not fold(page.title).startswith(text))
        return results[:limit]

    pages, degraded = run_with_fallback(operation)
    return Hits(pages=pages, degraded=degraded)
