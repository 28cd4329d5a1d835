"""The task queue's fault handling, in process: lost tasks requeued, retries, the scheduler.

Real worker processes are exercised in tests/test_task_worker.py.
"""

import datetime as dt
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from taskqueue.models import WorkerHeartbeat
from taskqueue.recovery import requeue_abandoned
from tests.worker_tasks import push_to_engine, record_run

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.PORTAL_TASK_WORKER_TIMEOUT = 60


def _running(tmp_path, worker_ids, started_minutes_ago):
    result = record_run.enqueue(str(tmp_path))
    DBTaskResult.objects.filter(pk=result.id).update(
        status="RUNNING",
        worker_ids=worker_ids,
        started_at=timezone.now() - dt.timedelta(minutes=started_minutes_ago),
    )
    return DBTaskResult.objects.get(pk=result.id)


def _heartbeat(worker_id, seconds_ago):
    now = timezone.now()
    WorkerHeartbeat.objects.create(
        worker_id=worker_id,
        hostname="here",
        pid=1,
        started_at=now - dt.timedelta(hours=1),
        seen_at=now - dt.timedelta(seconds=seconds_ago),
    )


def test_a_task_whose_worker_went_silent_is_queued_again(database_queue, tmp_path):
    _heartbeat("dead", seconds_ago=300)
    lost = _running(tmp_path, ["dead"], started_minutes_ago=10)
    never_beat = _running(tmp_path, ["plain-db-worker"], started_minutes_ago=10)

    assert requeue_abandoned() == 2

    for task in (lost, never_beat):
        task.refresh_from_db()
        assert (task.status, task.started_at) == ("READY", None)
    assert DBTaskResult.objects.ready().count() == 2  # the next worker will claim them


def test_long_tasks_of_live_workers_and_fresh_claims_are_left_alone(database_queue, tmp_path):
    _heartbeat("alive", seconds_ago=5)
    long_task = _running(tmp_path, ["alive"], started_minutes_ago=30)
    just_claimed = _running(tmp_path, ["starting"], started_minutes_ago=0)

    assert requeue_abandoned() == 0

    for task in (long_task, just_claimed):
        task.refresh_from_db()
        assert task.status == "RUNNING"


def test_a_task_that_keeps_killing_its_worker_fails_in_the_end(database_queue, tmp_path, settings):
    settings.PORTAL_TASK_MAX_RECOVERIES = 2
    task = _running(tmp_path, ["w1", "w2", "w3"], started_minutes_ago=10)

    requeue_abandoned()

    task.refresh_from_db()
    assert task.status == "FAILED"
    assert task.exception_class_path == "taskqueue.recovery.WorkerLost"
    assert "died 3 times" in task.traceback


def test_old_heartbeats_are_pruned(database_queue):
    _heartbeat("yesterday", seconds_ago=2 * 86400)
    _heartbeat("today", seconds_ago=10)
    requeue_abandoned()
    assert list(WorkerHeartbeat.objects.values_list("worker_id", flat=True)) == ["today"]


def test_a_transient_error_is_retried_later_with_a_growing_delay(database_queue, tmp_path):
    (tmp_path / "engine-down").write_text("")
    push_to_engine.enqueue(str(tmp_path))

    call_command("run_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == "SUCCESSFUL"  # this attempt ended: it scheduled the next one
    assert first.return_value["error"] == "EngineDown: connection refused"
    assert retry.status == "READY"
    assert retry.args_kwargs["kwargs"] == {"retry_attempt": 2}
    delay = (retry.run_after - first.finished_at).total_seconds()
    assert 60 * 0.8 - 1 <= delay <= 60 * 1.2 + 1  # base_delay, with jitter

    (tmp_path / "engine-down").unlink()  # the engine is back
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    call_command("run_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    retry.refresh_from_db()
    assert retry.status == "SUCCESSFUL"
    assert (tmp_path / "pushed").exists()


def test_retries_stop_after_the_last_attempt(database_queue, tmp_path):
    (tmp_path / "engine-down").write_text("")
    push_to_engine.enqueue(str(tmp_path))
    for _ in range(3):
        DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
        call_command("run_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    statuses = list(DBTaskResult.objects.order_by("enqueued_at").values_list("status", flat=True))
    assert statuses == ["SUCCESSFUL", "SUCCESSFUL", "FAILED"]  # max_attempts=3
    assert not DBTaskResult.objects.filter(status="READY").exists()


def test_without_a_queue_the_error_is_raised_at_once(tmp_path):
    (tmp_path / "engine-down").write_text("")  # tests run tasks immediately: nothing to defer
    result = push_to_engine.enqueue(str(tmp_path))
    assert result.status == "FAILED"


def test_the_worker_writes_a_heartbeat(database_queue, tmp_path):
    record_run.enqueue(str(tmp_path))
    call_command(
        "run_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--worker-id",
        "test-worker",
        verbosity=0,
    )
    beat = WorkerHeartbeat.objects.get()
    assert beat.worker_id == "test-worker"
    assert DBTaskResult.objects.get().worker_ids == ["test-worker"]


def test_the_scheduler_publishes_what_is_due(news, client, settings):
    from news.models import ArticlePage
    from tests import factories as f

    go_live = timezone.now() + dt.timedelta(hours=2)
    article = f.article(news["fr"], "Plus tard", slug="plus-tard", go_live_at=go_live)
    settings.PORTAL_SCHEDULE = [("publish_scheduled", 60)]

    call_command("run_scheduler", "--once")
    assert not ArticlePage.objects.get(pk=article.pk).live

    later = go_live + dt.timedelta(minutes=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        call_command("run_scheduler", "--once")
    assert ArticlePage.objects.get(pk=article.pk).live
    assert client.get("/fr/actualites/plus-tard/").status_code == 200


def test_one_failing_scheduled_command_does_not_stop_the_others(news, settings, caplog):
    settings.PORTAL_SCHEDULE = [("no_such_command", 60), ("publish_scheduled", 60)]
    call_command("run_scheduler", "--once")
    assert "Scheduled command failed: no_such_command" in caplog.text
