"""/healthz: what a load balancer or monitoring needs to know, as JSON.

The database decides whether this instance can serve (503 when it is unreachable);
a failing search engine only degrades the portal, so it is reported but stays 200.
"""

import logging

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from wagtail.search.backends import get_search_backend

logger = logging.getLogger(__name__)


def _database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any driver error means the same thing: we cannot serve
        logger.exception("Health check: database unreachable")
        return "unavailable"
    return "ok"


def _search_state():
    backend = get_search_backend()
    es = getattr(backend, "es", None)
    if es is None:  # database backend: it lives and dies with the database
        return "ok"
    try:
        # Cluster health rather than ping (`HEAD /`): it says whether searches can be answered
        # (red: some indexes are unavailable), and Elasticsearch's minimal distributions,
        # like the one CI runs, have no `/` route at all.
        status = es.options(request_timeout=2).cluster.health()["status"]
        return "degraded" if status == "red" else "ok"
    except Exception:
        logger.warning("Health check: search engine unreachable", exc_info=True)
        return "degraded"


@never_cache
def healthz(request):
    database = _database_state()
    search = _search_state() if database == "ok" else "unknown"
    ok = database == "ok"
    payload = {
        "status": "ok" if ok and search == "ok" else ("degraded" if ok else "unavailable"),
        "database": database,
        "search": search,
    }
    return JsonResponse(payload, status=200 if ok else 503)
