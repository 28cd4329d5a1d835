"""Tasks for the task-queue tests, importable by a real worker process (`tests.worker_tasks`)."""

import time
from pathlib import Path

from django_tasks import task

from taskqueue.retry import retry_on


@task()
def record_run(marker_dir, hold_first_run_seconds=0):
    """Write one file per run into marker_dir; the first run may hold on (to be killed)."""
    runs = sorted(Path(marker_dir).glob("run-*"))
    (Path(marker_dir) / f"run-{len(runs) + 1}").write_text("started")
    if not runs and hold_first_run_seconds:
        time.sleep(hold_first_run_seconds)
    return len(runs) + 1


class EngineDown(ConnectionError):
    pass


@task(takes_context=True)
@retry_on(EngineDown, max_attempts=3, base_delay=60)
def push_to_engine(context, marker_dir):
    """Fails while marker_dir/engine-down exists, as an index update does while an engine is."""
    if (Path(marker_dir) / "engine-down").exists():
        raise EngineDown("connection refused")
    (Path(marker_dir) / "pushed").write_text(str(context.attempt))
    return "pushed"
