"""Readers' searches on the engine, with the database as the answer whenever it cannot.

With SEARCH_URL set, each `search.query.Search` gets its own `EngineAnswers`: the calls of
a database engine (`search.engines`), answered by Elasticsearch when it can, else by the
database engine. It asks the engine only when the engine holds everything (no change waiting
in the outbox), and any
error while asking or reading the answer (connection refused, time-out, HTTP error, a
mapping that does not fit, a malformed answer) makes it answer from the database instead,
with `degraded` set so the page says so. The failure is logged once with its cause and the
engine is left alone for `RETRY_AFTER` seconds in this process, so a dead engine costs one
reader a time-out, not every reader.
"""

import logging
import threading
import time

from django.conf import settings

from search.engines import engine
from search.engines.base import LRU

from . import index, mirror, queries

logger = logging.getLogger(__name__)

RETRY_AFTER = 30  # seconds during which a failed engine is not asked again
ENGINE, DATABASE = "elasticsearch", "database"

_paused_until = {}
_pause_lock = threading.Lock()


def paused():
    return time.monotonic() < _paused_until.get(settings.SEARCH_URL, 0)


def failed(error):
    """Note an engine failure: log it once, leave the engine alone for a while."""
    key = settings.SEARCH_URL
    with _pause_lock:
        already = time.monotonic() < _paused_until.get(key, 0)
        _paused_until[key] = time.monotonic() + RETRY_AFTER
    index.forget_verified()  # the next attempt checks the index again
    if not already:
        logger.warning(
            "Search engine failed, answering from the database for %s s: %s: %s",
            RETRY_AFTER,
            type(error).__name__,
            error,
            exc_info=error,
        )


def resume():
    """Forget the failures noted (tests, and an operator who repaired the engine)."""
    _paused_until.clear()


_NOT_ASKED = object()
# Counts without text depend only on the index version and the criteria, as on the database
# engines: a listing, with or without facets chosen, asks the engine for its page of ids only.
_counts_without_text = LRU(512)


class EngineAnswers:
    """The engine calls of one search (`search.engines.base`): Elasticsearch's answers, or
    the database engine's when the engine is behind, paused or failing."""

    def __init__(self, database):
        self.database = database
        self.degraded = False
        self.answered_by = DATABASE
        self._ready = None
        self._expected = None  # (criteria, order, upcoming_first, offset, limit) of a page
        self._fetched = None  # (that key, its ids), read with the counts

    def ready(self):
        if self._ready is None:
            if paused():
                self.degraded = True
                self._ready = False
            else:  # behind: the database is right, the engine not yet
                self._ready = mirror.is_current()
        return self._ready

    def ask(self, operation):
        """The operation's result, or _NOT_ASKED when the database must answer."""
        if not self.ready():
            return _NOT_ASKED
        try:
            es = index.client()
            index.check_for_reading(es)
            result = operation(es)
        except Exception as error:  # any failure of the engine or of reading its answer
            failed(error)
            self.degraded = True
            self._ready = False
            return _NOT_ASKED
        self.answered_by = ENGINE
        return result

    def facet_counts(self, criteria, names, version):
        """(total, {facet: {value: count}}), as the database engines answer."""
        key = (settings.SEARCH_URL, version, criteria, tuple(names))
        remembered = None if criteria.has_text else _counts_without_text.get(key)
        if remembered is not None and self.ready():
            self.answered_by = ENGINE
            total, counts = remembered
            return total, {name: dict(values) for name, values in counts.items()}
        expected = self._expected
        if expected is not None and expected[0] == criteria:
            found = self.ask(lambda es: queries.counts_and_page(es, criteria, names, *expected[1:]))
            if found is not _NOT_ASKED:
                counts, total, ids = found
                self._fetched = (expected, ids)
                found = counts, total
        else:
            found = self.ask(lambda es: queries.facet_counts(es, criteria, names))
        if found is _NOT_ASKED:
            return self.database.facet_counts(criteria, names, version)
        counts, total = found
        if not criteria.has_text:
            _counts_without_text.put(key, (total, counts))
        return total, counts

    def expect_page(self, criteria, order, offset, limit, upcoming_first=False):
        """Note the page of ids the caller will ask after the counts: the engine returns it
        in the counts' request (one round trip instead of two)."""
        if limit is not None and offset + limit <= queries.MAX_WINDOW:
            self._expected = (criteria, order, upcoming_first, offset, limit)

    def ranked_ids(self, criteria, order, offset, limit, upcoming_first=False):
        if self._fetched is not None and self._fetched[0] == (
            criteria,
            order,
            upcoming_first,
            offset,
            limit,
        ):
            return list(self._fetched[1])
        found = _NOT_ASKED
        if limit is not None and offset + limit <= queries.MAX_WINDOW:
            found = self.ask(
                lambda es: queries.page_ids(es, criteria, order, upcoming_first, offset, limit)
            )
        if found is _NOT_ASKED:  # deeper than the engine pages, or not answered
            return self.database.ranked_ids(
                criteria, order=order, offset=offset, limit=limit, upcoming_first=upcoming_first
            )
        return found

    def ids(self, criteria):
        # Every matching id (exports): the database reads them without a window.
        return self.database.ids(criteria)

    def autocomplete(self, criteria, words, limit):
        found = self.ask(lambda es: queries.completions(es, criteria, words, limit))
        if found is _NOT_ASKED:
            return self.database.autocomplete(criteria, words, limit)
        return found


def reading_engine():
    """What answers one search: the database's engine, or, with SEARCH_URL set, the external
    engine backed by it."""
    database = engine()
    return EngineAnswers(database) if index.configured() else database
