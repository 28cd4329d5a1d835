"""Mirroring the read model into the engine: the outbox, the lease, the bulk sends, retries.

1. Every write to the read model sends `search.signals.read_model_changed` inside its
   transaction; `note_changes` adds one `MirrorChange` row per page there, and asks for the
   `mirror_changes` task once the transaction commits. A change that commits is therefore
   never lost, whether the queue, the worker or the engine is down at that moment.
2. The task (`run`) takes the lease (one sender at a time, so an older state of a page can
   never overwrite a newer one), makes sure the index exists with the portal's mapping, then
   sends the pending pages in bulk: the read model's current rows are indexed, pages without
   rows are deleted (documents are keyed by page id: sending twice changes nothing). It
   deletes the outbox rows it sent, and goes on until none is left.
3. When the engine fails, the task schedules one retry with a growing delay (5 s doubling up
   to 5 minutes); other tasks leave the engine alone until then. Pending rows, failures, the
   next retry and the last error are in `MirrorState` and reported by /healthz.

Readers' searches use the engine only when nothing is pending (`is_current`), so they never
see an answer older than the database's.
"""

import datetime as dt
import logging
import random
import time
import uuid

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from search.models import IndexedFacet, IndexedPage

from . import index
from .models import MirrorChange, MirrorState

logger = logging.getLogger(__name__)

BATCH = 500
LEASE = dt.timedelta(minutes=2)
FIRST_RETRY = 5  # seconds; doubled at each failure
LAST_RETRY = 300
STATE = "mirror"


# --- The outbox --------------------------------------------------------------------------------


def note_changes(sender, page_ids=(), everything=False, **kwargs):
    """Receiver of `read_model_changed`: note the pages to send, in the writer's transaction."""
    if not index.configured():
        return
    if everything:
        page_ids = IndexedPage.objects.values_list("page_id", flat=True)
    if mark(page_ids):
        request_mirroring()


def mark(page_ids):
    """Add outbox rows for these pages; returns how many."""
    rows = [MirrorChange(page_id=pk) for pk in sorted(set(page_ids))]
    MirrorChange.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def mark_everything():
    """Mark every page of the read model not already pending (before a new index)."""
    pending = MirrorChange.objects.values("page_id")
    return mark(IndexedPage.objects.exclude(page_id__in=pending).values_list("page_id", flat=True))


def _enqueue():
    from .tasks import mirror_changes

    mirror_changes.enqueue()


def request_mirroring():
    """Queue the task once the current transaction commits (once per transaction)."""
    connection = transaction.get_connection()
    if any(callback is _enqueue for _ids, callback, _robust in connection.run_on_commit):
        return
    transaction.on_commit(_enqueue, robust=True)


def is_current():
    """Whether the engine holds everything the read model holds (nothing left to send)."""
    return not MirrorChange.objects.exists()


# --- The lease: one sender at a time -----------------------------------------------------------


def state():
    found, _created = MirrorState.objects.get_or_create(name=STATE)
    return found


def acquire(holder):
    state()
    now = timezone.now()
    free = Q(lease_until__isnull=True) | Q(lease_until__lt=now) | Q(lease_holder=holder)
    taken = MirrorState.objects.filter(free, name=STATE).update(
        lease_holder=holder, lease_until=now + LEASE
    )
    return bool(taken)


def release(holder):
    MirrorState.objects.filter(name=STATE, lease_holder=holder).update(
        lease_holder="", lease_until=None
    )


# --- Sending -----------------------------------------------------------------------------------


class BulkFailed(Exception):
    pass


def documents(page_ids):
    """{page id: engine document} for the pages of `page_ids` the read model holds."""
    rows = IndexedPage.objects.filter(page_id__in=page_ids).values(
        "page_id",
        "locale__language_code",
        "kind",
        "path",
        "depth",
        "title",
        "url_path",
        "name_key",
        "name_terms",
        "summary_terms",
        "body_terms",
        "latitude",
        "longitude",
        "published_at",
        "ends_at",
    )
    facets = {}
    for entry_id, facet, value in IndexedFacet.objects.filter(entry_id__in=page_ids).values_list(
        "entry_id", "facet", "value"
    ):
        facets.setdefault(entry_id, {}).setdefault(facet, []).append(value)
    return {row["page_id"]: _document(row, facets.get(row["page_id"], {})) for row in rows}


def _document(row, facets):
    def terms(text):
        return sorted(set(text.split()))

    located = row["latitude"] is not None and row["longitude"] is not None
    return {
        "page_id": row["page_id"],
        "locale": row["locale__language_code"],
        "kind": row["kind"],
        "path": row["path"],
        "depth": row["depth"],
        "title": row["title"],
        "url_path": row["url_path"],
        "name_key": row["name_key"],
        "name_words": terms(row["name_key"]),
        "name_terms": terms(row["name_terms"]),
        "summary_terms": terms(row["summary_terms"]),
        "body_terms": terms(row["body_terms"]),
        "location": {"lat": row["latitude"], "lon": row["longitude"]} if located else None,
        "published_at": row["published_at"],
        "ends_at": row["ends_at"],
        "facets": facets,
    }


def send(es, page_ids):
    """Index the read model's documents of `page_ids` and delete the others, in one bulk."""
    alias = index.alias_name()
    found = documents(page_ids)
    operations = []
    for pk in sorted(set(page_ids)):
        if pk in found:
            operations += [{"index": {"_index": alias, "_id": str(pk)}}, found[pk]]
        else:
            operations.append({"delete": {"_index": alias, "_id": str(pk)}})
    response = es.options(request_timeout=index.WRITE_TIMEOUT).bulk(
        operations=operations, require_alias=True, refresh=True
    )
    if response.get("errors"):
        failures = [
            f"{operation} {result.get('_id')}: {result.get('error')}"
            for item in response["items"]
            for operation, result in item.items()
            if result.get("status", 500) >= 300
            and not (operation == "delete" and result.get("status") == 404)
        ]
        if failures:
            index.forget_verified()  # the index may be gone or changed: check it again
            raise BulkFailed(f"{len(failures)} failed, first: {failures[0]}"[:1000])
    return len(found)


def _drain_holding(holder, es, progress):
    index.ensure_index(es, on_replace=mark_everything)
    sent = 0
    while True:
        batch = list(MirrorChange.objects.order_by("pk").values_list("pk", "page_id")[:BATCH])
        if not batch:
            return sent
        send(es, [page_id for _pk, page_id in batch])
        MirrorChange.objects.filter(pk__in=[pk for pk, _page_id in batch]).delete()
        acquire(holder)  # renews the lease
        sent += len(batch)
        if progress is not None:
            progress(sent, sent + MirrorChange.objects.count())


def drain(progress=None):
    """Send every pending change; returns the number of outbox rows sent, or None when
    another worker holds the lease (it sends what is pending, these rows included)."""
    holder = uuid.uuid4().hex
    es = index.client()
    sent = None
    while acquire(holder):
        try:
            sent = (sent or 0) + _drain_holding(holder, es, progress)
        finally:
            release(holder)
        # Rows committed while the lease was being released found it taken: send them.
        if is_current():
            break
    return sent


def rebuild(progress=None, wait=60):
    """A new index with the portal's mapping, filled from the read model in bulk, the alias
    moved onto it; readers use the database until it is complete."""
    holder = uuid.uuid4().hex
    deadline = timezone.now() + dt.timedelta(seconds=wait)
    while not acquire(holder):
        if timezone.now() > deadline:
            raise TimeoutError("another process is sending to the search engine")
        time.sleep(1)
    es = index.client()
    try:
        mark_everything()
        index.replace_index(es)
        sent = _drain_holding(holder, es, progress)
    finally:
        release(holder)
    record_success()
    return sent


# --- Running, failing, retrying ----------------------------------------------------------------


def retry_delay(failures):
    delay = min(FIRST_RETRY * 2 ** max(failures - 1, 0), LAST_RETRY)
    return dt.timedelta(seconds=delay * random.uniform(0.8, 1.2))  # noqa: S311 - not a secret


def record_success():
    MirrorState.objects.filter(name=STATE).update(
        failures=0, retry_at=None, last_error="", last_success_at=timezone.now()
    )


def schedule_retry(error):
    """Note the failure; the first task to fail after the last retry time schedules the next
    one (one retry at a time, however many tasks were queued meanwhile)."""
    now = timezone.now()
    current = state()
    retry_at = now + retry_delay(current.failures + 1)
    due = Q(retry_at__isnull=True) | Q(retry_at__lte=now)
    scheduled = MirrorState.objects.filter(due, name=STATE).update(
        failures=F("failures") + 1,
        retry_at=retry_at,
        last_error=f"{type(error).__name__}: {error}"[:2000],
    )
    if not scheduled:
        return None
    logger.warning(
        "Search engine mirror failed (%s: %s); %s change(s) wait, next attempt at %s",
        type(error).__name__,
        error,
        MirrorChange.objects.count(),
        retry_at.isoformat(timespec="seconds"),
    )
    from .tasks import mirror_changes

    if not mirror_changes.get_backend().supports_defer:
        return None  # the immediate backend (tests): the next change tries again
    mirror_changes.using(run_after=retry_at).enqueue(retry=True)
    return retry_at


def run(retry=False):
    """The task's work: send what is pending, or schedule a retry when the engine fails."""
    if not index.configured():
        return "no search engine configured"
    current = state()
    if not retry and current.retry_at and current.retry_at > timezone.now():
        return f"engine failing: retry at {current.retry_at.isoformat(timespec='seconds')}"
    try:
        sent = drain()
    except Exception as error:  # the engine, the network or a bad answer: all retried
        index.forget_verified()
        retry_at = schedule_retry(error)
        return {"error": f"{type(error).__name__}: {error}"[:500], "retry_at": str(retry_at)}
    if sent is not None:
        record_success()
    return {"sent": sent}


def ensure_on_migrate(**kwargs):
    """post_migrate: create the index with its mapping now, so nothing ever writes first."""
    if not index.configured():
        return
    holder = uuid.uuid4().hex
    try:
        if not acquire(holder):
            return  # a worker holds the lease: it makes sure of the index itself
        try:
            created = index.ensure_index(on_replace=mark_everything)
        finally:
            release(holder)
    except Exception as error:  # never fail a migration for the engine: the task retries
        logger.warning("Search engine index not checked after migrate (%s: %s)",
                       type(error).__name__, error)  # fmt: skip
        return
    if created and not is_current():
        request_mirroring()
