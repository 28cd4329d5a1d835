import datetime as dt

import pytest
from django.db import OperationalError
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_task_queue_and_search(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    payload = response.json()
    assert (payload["status"], payload["database"], payload["search"]) == ("ok", "ok", "ok")
    assert {"database", "task_queue", "search_engine"} <= set(payload["checks"])
    assert all(check["ok"] for check in payload["checks"].values())
    assert "reasons" not in payload
    assert "no-cache" in response["Cache-Control"]


def test_healthz_is_503_when_the_database_is_unreachable(client, monkeypatch):
    from portal import health

    class BrokenConnection:
        def cursor(self):
            raise OperationalError("connection refused")

    monkeypatch.setattr(health, "connection", BrokenConnection())

    response = client.get("/healthz")

    assert response.status_code == 503
    payload = response.json()
    assert (payload["status"], payload["database"], payload["search"]) == (
        "unavailable",
        "unavailable",
        "unknown",
    )
    assert payload["reasons"][0] == "database: the database is unreachable"
    assert payload["checks"]["task_queue"]["reason"].startswith("not checked")


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _queue(count=1, **fields):
    from django_tasks_db.models import DBTaskResult
    from wagtail.tasks import update_reference_index_task

    results = [update_reference_index_task.enqueue("home", "homepage", "1") for _ in range(count)]
    ids = [result.id for result in results]
    if fields:
        DBTaskResult.objects.filter(pk__in=ids).update(**fields)
    return ids


def test_healthz_reports_the_task_queue(client, database_queue):
    now = timezone.now()
    _queue(2, enqueued_at=now - dt.timedelta(seconds=90))
    _queue(1, run_after=now + dt.timedelta(minutes=30))  # a retry waiting for its time
    _queue(1, status="FAILED", finished_at=now - dt.timedelta(minutes=10))
    _queue(1, status="FAILED", finished_at=now - dt.timedelta(hours=2))  # too old to count

    response = client.get("/healthz")

    assert response.status_code == 200
    queue = response.json()["checks"]["task_queue"]
    assert (queue["pending"], queue["deferred"], queue["failed_last_hour"]) == (2, 1, 1)
    assert 85 <= queue["oldest_pending_seconds"] < 150
    assert queue["max_wait_seconds"] == 300
    assert queue["workers_alive"] == 0


def test_healthz_is_503_when_tasks_wait_longer_than_the_threshold(client, database_queue, settings):
    settings.PORTAL_HEALTH_MAX_TASK_WAIT = 120
    _queue(1, enqueued_at=timezone.now() - dt.timedelta(minutes=3))

    response = client.get("/healthz")

    assert response.status_code == 503
    payload = response.json()
    assert payload["status"] == "failing"
    assert payload["database"] == "ok"  # the instance itself can serve
    assert "task worker" in payload["reasons"][0]
    assert payload["reasons"][0].startswith("task_queue: the oldest pending task has waited 18")


def test_a_retry_due_later_is_not_late(client, database_queue, settings):
    settings.PORTAL_HEALTH_MAX_TASK_WAIT = 60
    # Enqueued long ago, but its retry time is still to come: nothing is late.
    _queue(
        1,
        enqueued_at=timezone.now() - dt.timedelta(hours=1),
        run_after=timezone.now() + dt.timedelta(minutes=5),
    )
    assert client.get("/healthz").status_code == 200


def test_live_workers_are_counted(client, database_queue):
    from taskqueue.models import WorkerHeartbeat

    now = timezone.now()
    for worker_id, seen in (("alive", now), ("gone", now - dt.timedelta(minutes=5))):
        WorkerHeartbeat.objects.create(
            worker_id=worker_id, hostname="h", pid=1, started_at=now, seen_at=seen
        )
    assert client.get("/healthz").json()["checks"]["task_queue"]["workers_alive"] == 1


def test_health_stays_cheap(client, database_queue, django_assert_max_num_queries):
    _queue(3)
    with django_assert_max_num_queries(3):  # SELECT 1, the queue's aggregate, live workers
        client.get("/healthz", {"check": ["database", "task_queue"]})
    # The search index's check compares live pages with indexed rows: a few queries more.
    with django_assert_max_num_queries(7):
        client.get("/healthz")


def failing_check():
    return {"ok": False, "reason": "12 live pages missing from the index", "missing": 12}


def raising_check():
    raise RuntimeError("boom")


@pytest.mark.parametrize(
    ("check", "reason"),
    [
        ("tests.test_health.failing_check", "failing_check: 12 live pages missing from the index"),
        ("tests.test_health.raising_check", "raising_check: the check raised RuntimeError"),
    ],
)
def test_checks_are_pluggable_and_a_failing_one_is_a_503(client, settings, check, reason):
    settings.PORTAL_HEALTH_CHECKS = [*settings.PORTAL_HEALTH_CHECKS, check]

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["reasons"] == [reason]


def test_a_load_balancer_can_probe_the_database_only(client, database_queue, settings):
    settings.PORTAL_HEALTH_MAX_TASK_WAIT = 60
    _queue(1, enqueued_at=timezone.now() - dt.timedelta(hours=1))

    assert client.get("/healthz").status_code == 503
    response = client.get("/healthz", {"check": "database"})
    assert response.status_code == 200
    assert set(response.json()["checks"]) == {"database"}
    assert client.get("/healthz", {"check": "nonsense"}).status_code == 400


@pytest.mark.parametrize("path", ["/healthz", "/robots.txt", "/sitemap.xml"])
def test_machine_endpoints_have_no_language_prefix(client, path):
    assert client.get(path).status_code == 200


def test_media_outside_the_media_root_is_not_served(client):
    assert client.get("/media/../portal/settings/base.py").status_code == 404
    assert client.get("/media/%2e%2e/%2e%2e/etc/passwd").status_code == 404
