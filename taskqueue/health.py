"""The task queue's part of /healthz, in two queries.

- pending: tasks due now and not started; oldest_pending_seconds: how long the oldest of them
  has waited since it became due (enqueued, or its retry time came). Over
  PORTAL_HEALTH_MAX_TASK_WAIT the check fails: nothing is running the queue, or not fast
  enough, so search results, usage counts and e-mails fall behind.
- deferred: tasks waiting for a later time (retries with back-off: an engine or mail server
  down); running; failed_last_hour; workers_alive (heartbeats within the worker timeout).
"""

import datetime as dt

from django.conf import settings
from django.db.models import Case, Count, F, Min, Q, When
from django.utils import timezone
from django_tasks import task_backends
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

from .models import WorkerHeartbeat
from .recovery import worker_timeout


def task_queue():
    backend = task_backends["default"]
    if not isinstance(backend, DatabaseBackend):
        # Tasks run in the request (the immediate backend of the tests): no queue to watch.
        return {"ok": True, "backend": type(backend).__name__}
    now = timezone.now()
    never = get_date_max()  # django-tasks-db's run_after for "as soon as possible"
    ready = Q(status="READY")
    due = ready & (Q(run_after=never) | Q(run_after__lte=now))
    stats = DBTaskResult.objects.aggregate(
        pending=Count("pk", filter=due),
        deferred=Count("pk", filter=ready & Q(run_after__gt=now) & ~Q(run_after=never)),
        due_since=Min(
            Case(When(run_after=never, then=F("enqueued_at")), default=F("run_after")),
            filter=due,
        ),
        running=Count("pk", filter=Q(status="RUNNING")),
        failed_last_hour=Count(
            "pk", filter=Q(status="FAILED", finished_at__gte=now - dt.timedelta(hours=1))
        ),
    )
    due_since = stats.pop("due_since")
    waited = max(0.0, (now - due_since).total_seconds()) if due_since else 0.0
    limit = settings.PORTAL_HEALTH_MAX_TASK_WAIT
    result = {
        "ok": waited <= limit,
        **stats,
        "oldest_pending_seconds": round(waited, 1),
        "max_wait_seconds": limit,
        "workers_alive": WorkerHeartbeat.objects.filter(
            seen_at__gte=now - worker_timeout()
        ).count(),
    }
    if not result["ok"]:
        result["reason"] = (
            f"the oldest pending task has waited {waited:.0f} s (more than {limit} s): "
            "is the task worker running?"
        )
    return result
