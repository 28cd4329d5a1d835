"""/healthz: what a load balancer or monitoring needs to know, as JSON.

The checks are the functions named in PORTAL_HEALTH_CHECKS (dotted paths), run in order;
each returns a JSON-able dict with `ok` (false: the answer is 503 and the dict's `reason` is
listed) and may say `degraded` (served, but worse: the search engine down, answers come from
the database index). The database comes first: when it is unreachable nothing else can be
checked. `?check=database` (repeatable) runs only the named checks: a load balancer should
probe that one, so a stalled task queue does not take every web server out of rotation.
"""

import logging
from functools import lru_cache

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache

from search.elastic.health import engine_health

logger = logging.getLogger(__name__)


def database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # any driver error means the same thing: we cannot serve
        logger.exception("Health check: database unreachable")
        return {"ok": False, "reason": "the database is unreachable"}
    return {"ok": True}


def search_engine():
    """The external search engine's report (search/elastic/health.py): with SEARCH_URL set,
    whether Elasticsearch answers with the portal's mapping, its documents against the read
    model and the changes waiting to be sent to it. A failing engine only degrades the portal
    (readers' searches are answered from the database), so it stays `ok`."""
    return engine_health()


def check_name(path):
    return path.rsplit(".", 1)[-1]


@lru_cache(maxsize=4)
def _load_checks(paths):
    return [(check_name(path), import_string(path)) for path in paths]


def _run(name, check):
    try:
        result = dict(check())
    except Exception as exc:  # a broken check is a failing one, never a 500
        logger.exception("Health check %s raised", name)
        return {"ok": False, "reason": f"the check raised {type(exc).__name__}"}
    result["ok"] = bool(result.get("ok"))
    return result


def _summary(results):
    if not results.get("database", {"ok": True})["ok"]:
        return "unavailable"
    if not all(result["ok"] for result in results.values()):
        return "failing"
    if any(result.get("degraded") for result in results.values()):
        return "degraded"
    return "ok"


def _search_summary(results):
    engine = results.get("search_engine")
    if engine is None or "reason" in engine:
        return "unknown"
    return "degraded" if engine.get("degraded") else "ok"


@never_cache
def healthz(request):
    checks = _load_checks(tuple(settings.PORTAL_HEALTH_CHECKS))
    wanted = request.GET.getlist("check") or [name for name, _check in checks]
    unknown = set(wanted) - {name for name, _check in checks}
    if unknown:
        return JsonResponse({"error": f"unknown check: {', '.join(sorted(unknown))}"}, status=400)
    results = {}
    for name, check in checks:
        if name not in wanted:
            continue
        if results.get("database", {"ok": True})["ok"]:
            results[name] = _run(name, check)
        else:
            results[name] = {"ok": False, "reason": "not checked: the database is unreachable"}
    payload = {
        "status": _summary(results),
        "database": "ok" if results.get("database", {"ok": True})["ok"] else "unavailable",
        "search": _search_summary(results),
        "checks": results,
    }
    reasons = [
        f"{name}: {result['reason']}" for name, result in results.items() if not result["ok"]
    ]
    if reasons:
        payload["reasons"] = reasons
    return JsonResponse(payload, status=503 if reasons else 200)
