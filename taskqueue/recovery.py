"""Tasks whose worker died are queued again (at least once), not left RUNNING forever.

django-tasks-db marks a task RUNNING when a worker claims it and never looks back: a worker
killed in the middle (SIGKILL, out of memory, a reboot, a code reload in development) leaves
the row RUNNING and the work undone. Each worker started by `run_worker` writes a heartbeat
every few seconds from a thread of its own; any worker sweeps the queue at start and then
periodically, and puts back to READY every RUNNING task that started more than
PORTAL_TASK_WORKER_TIMEOUT seconds ago and whose worker has been silent for as long. A task
lost PORTAL_TASK_MAX_RECOVERIES times (it may be what kills the worker) is marked FAILED.

So tasks must be idempotent: Wagtail's index and reference-index updates are, and e-mails are
sent once unless the worker dies between the mail server's answer and the row's update.
"""

import datetime as dt
import logging
import os
import socket
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.models import DBTaskResult

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

RUNNING, READY, FAILED = "RUNNING", "READY", "FAILED"
LOST_EXCEPTION = "taskqueue.recovery.WorkerLost"


def new_worker_id():
    """Host, process and a random part: readable in the task rows, unique in the pool."""
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{get_random_string(8)}"


def worker_timeout():
    return dt.timedelta(seconds=settings.PORTAL_TASK_WORKER_TIMEOUT)


def beat(worker_id, started_at):
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "started_at": started_at,
            "seen_at": now,
        },
    )


def requeue_abandoned(now=None):
    """Put back the RUNNING tasks of silent workers; return how many were requeued."""
    now = now or timezone.now()
    cutoff = now - worker_timeout()
    alive = set(
        WorkerHeartbeat.objects.filter(seen_at__gte=cutoff).values_list("worker_id", flat=True)
    )
    requeued = 0
    stale = DBTaskResult.objects.filter(status=RUNNING, started_at__lt=cutoff)
    for task_id, started_at, worker_ids in stale.values_list("id", "started_at", "worker_ids"):
        if worker_ids and worker_ids[-1] in alive:
            continue  # a long task of a live worker
        # The status and start time in the filter make this a no-op if the task finished or
        # was claimed again since it was read (another worker sweeping at the same time).
        claimed = DBTaskResult.objects.filter(pk=task_id, status=RUNNING, started_at=started_at)
        if len(worker_ids) > settings.PORTAL_TASK_MAX_RECOVERIES:
            claimed.update(
                status=FAILED,
                finished_at=now,
                exception_class_path=LOST_EXCEPTION,
                traceback=f"The worker running this task died {len(worker_ids)} times.",
            )
            logger.error("Task %s failed: its worker died %s times", task_id, len(worker_ids))
            continue
        if claimed.update(status=READY, started_at=None):
            requeued += 1
            logger.warning("Task %s requeued: worker %s went silent", task_id, worker_ids[-1:])
    # Heartbeats of workers gone for a day only tell history.
    WorkerHeartbeat.objects.filter(seen_at__lt=now - dt.timedelta(days=1)).delete()
    return requeued


class Heartbeat(threading.Thread):
    """Beats and sweeps every quarter of the timeout, beside the worker's own loop."""

    def __init__(self, worker_id):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopped = threading.Event()

    def beat_and_sweep(self):
        try:
            beat(self.worker_id, self.started_at)
            requeue_abandoned()
        except Exception:  # the database restarting: try again at the next beat
            logger.warning("Task worker heartbeat failed", exc_info=True)
        finally:
            close_old_connections()

    def start(self):
        # First beat before the worker claims anything, so its tasks are never taken for lost.
        self.beat_and_sweep()
        super().start()

    def run(self):
        interval = max(worker_timeout().total_seconds() / 4, 0.5)
        try:
            while not self.stopped.wait(interval):
                self.beat_and_sweep()
        finally:
            connection.close()
