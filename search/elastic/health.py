"""What /healthz and `check_search_index` say about the engine: reachable, the portal's
mapping, its documents per locale against the read model's rows, and the mirror's backlog.

The engine failing never makes the portal unavailable (readers get the database's answer):
the report's `ok` stays true and `degraded` says when the engine cannot be used as it is.
"""

import logging

from django.conf import settings
from django.db.models import Count
from django.utils import timezone

from search.models import IndexedPage

from . import index
from .models import MirrorChange, MirrorState

logger = logging.getLogger(__name__)

DEFAULT_MAX_BACKLOG_SECONDS = 300


def _documents(es):
    """({language: documents}, every document) in the engine."""
    response = es.options(request_timeout=index.ADMIN_TIMEOUT).search(
        index=index.alias_name(),
        size=0,
        aggs={"locales": {"terms": {"field": "locale", "size": 500}}},
        track_total_hits=True,
    )
    buckets = response["aggregations"]["locales"]["buckets"]
    counts = {bucket["key"]: int(bucket["doc_count"]) for bucket in buckets}
    return counts, int(response["hits"]["total"]["value"])


def _read_model():
    rows = (
        IndexedPage.objects.values_list("locale__language_code")
        .annotate(n=Count("page_id"))
        .order_by()
    )
    return dict(rows)


def _backlog():
    oldest = MirrorChange.objects.order_by("pk").values_list("created_at", flat=True).first()
    state = MirrorState.objects.filter(name="mirror").first()
    return {
        "pending": MirrorChange.objects.count(),
        "oldest_pending_seconds": (
            round((timezone.now() - oldest).total_seconds(), 1) if oldest else None
        ),
        "failures": state.failures if state else 0,
        "retry_at": state.retry_at.isoformat() if state and state.retry_at else None,
        "last_error": state.last_error if state else "",
        "last_success_at": (
            state.last_success_at.isoformat() if state and state.last_success_at else None
        ),
    }


def _engine_state(report):
    try:
        es = index.client()
        found = index.inspect(es)
        report["mapping"] = found.status
        if found.detail:
            report["mapping_detail"] = found.detail
        report["documents"], report["documents_total"] = _documents(es) if found.ok else ({}, 0)
        report["status"] = "ok" if found.ok else f"index {found.status}"
    except Exception as error:  # unreachable, refused, timed out, or answering nonsense
        logger.warning("Health check: search engine unreachable (%s: %s)",
                       type(error).__name__, error)  # fmt: skip
        report["status"] = "unreachable"
        report["error"] = f"{type(error).__name__}: {error}"[:500]


def engine_health():
    """A JSON-able report: {"ok", "degraded", "engine", "status", "documents",
    "read_model", "pending", ...}."""
    if not index.configured():
        return {"ok": True, "degraded": False, "engine": "database"}
    report = {"ok": True, "engine": "elasticsearch", "index": index.alias_name()}
    report.update(_backlog())
    report["read_model"] = _read_model()
    _engine_state(report)
    limit = getattr(settings, "SEARCH_MIRROR_MAX_BACKLOG_SECONDS", DEFAULT_MAX_BACKLOG_SECONDS)
    late = (report["oldest_pending_seconds"] or 0) > limit
    counted = report.get("documents") == report["read_model"]
    drift = not (counted and report.get("documents_total") == sum(report["read_model"].values()))
    drift = drift and not report["pending"]
    report["drift"] = report["status"] == "ok" and drift
    report["degraded"] = report["status"] != "ok" or late or report["drift"]
    return report


def report_lines(report):
    """The report as lines for a terminal."""
    if report["engine"] == "database":
        return ["Search engine: the database (SEARCH_URL is not set)."]
    lines = [f"Search engine: Elasticsearch, index {report['index']}: {report['status']}"]
    if report.get("mapping_detail"):
        lines.append(f"  mapping: {report['mapping_detail']}")
    if report.get("error"):
        lines.append(f"  error: {report['error']}")
    documents = report.get("documents", {})
    for language in sorted(set(documents) | set(report["read_model"])):
        held, due = documents.get(language, 0), report["read_model"].get(language, 0)
        mark = "" if held == due or report["pending"] else "  <- drift"
        lines.append(f"  {language:<6} {held:>8} documents for {due:>8} rows{mark}")
    if report.get("drift"):
        total = report.get("documents_total", 0)
        lines.append(f"  drift: {total} documents for {sum(report['read_model'].values())} rows")
    lines.append(
        f"  pending changes: {report['pending']}"
        + (f" (oldest {report['oldest_pending_seconds']} s)" if report["pending"] else "")
    )
    if report["failures"]:
        lines.append(f"  failures: {report['failures']}, next retry {report['retry_at']}")
        lines.append(f"  last error: {report['last_error']}")
    return lines
