"""Values remembered from the start of a request to its end.

Some lookups are asked for many times while one page is built (the active Locale, the
private sections of the tree) and cannot usefully change during it. `remembered()` runs the
lookup once per request; outside a request (commands, tasks, a test's setup) it runs every
time, so a change made there is seen at once. Started and ended by Django's request signals
(pagecache.apps), per thread.
"""

import threading

from django.core.signals import request_finished, request_started

_request = threading.local()


def remembered(key, lookup):
    """`lookup()`, run once per request for `key` (an exception is not remembered)."""
    memo = getattr(_request, "memo", None)
    if memo is None:
        return lookup()
    if key not in memo:
        memo[key] = lookup()
    return memo[key]


def remember(key, value):
    """Store `value` under `key` for the rest of the request (nothing outside one)."""
    memo = getattr(_request, "memo", None)
    if memo is not None:
        memo[key] = value


def _start(**_kwargs):
    _request.memo = {}


def _finish(**_kwargs):
    _request.memo = None


def connect_signals():
    request_started.connect(_start, dispatch_uid="pagecache-requestmemo-start")
    request_finished.connect(_finish, dispatch_uid="pagecache-requestmemo-finish")
