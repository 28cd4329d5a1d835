"""The content version: every cached page's key includes it, so moving it on drops them all.

It lives in the default cache, which every process shares out of the box (a directory of
files on one machine, Redis or Memcached through CACHE_URL for several): a publish handled by
one gunicorn worker, or an index written by the task worker, is seen by every other process
at its next request. Moving the version on happens when the transaction that changed the
content commits: before that, another process could still read the old rows and store an old
page under the new version.
"""

import logging
import threading
import uuid

from django.core.cache import cache
from django.db import transaction

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:content-version"


def content_version():
    """The current version, created on first use (add() so concurrent first readers agree)."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def bump_version():
    """Move the version on now; every page cached so far becomes unreachable (then expires)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def invalidate(**_signal_kwargs):
    """Drop every cached page once the current transaction commits (at once outside one).

    Safe to call many times in one transaction (a CSV import saves thousands of rows): the
    version moves on once, at commit. Accepts and ignores signal arguments, so it can be
    connected to a signal directly.
    """
    transaction.on_commit(_VersionBump())


class _VersionBump:
    """One move of the version, skipped if another already happened after it was scheduled.

    In one thread, a move that ran between this one's scheduling and its turn can only be
    another callback of the same commit (callbacks run at the commit of the transaction that
    scheduled them), so thousands of writes in one transaction move the version once.
    """

    def __init__(self):
        self.scheduled_after = getattr(_moves, "count", 0)

    def __call__(self):
        if getattr(_moves, "count", 0) > self.scheduled_after:
            return
        try:
            bump_version()
        except (
            Exception
        ):  # cache server down: pages expire on their own (PORTAL_PAGE_CACHE_SECONDS)
            logger.exception("Page cache: could not move the content version on")
        _moves.count = getattr(_moves, "count", 0) + 1


_moves = threading.local()
