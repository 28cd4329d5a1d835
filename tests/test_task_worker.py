"""The production task configuration, end to end: the database queue, a real `run_worker`
process with the production settings, and a page cache shared between processes.

The suite's settings run tasks immediately and cache pages in local memory; these tests do
not: what the web process queues, another process runs, and what that process writes, the
web process's cache follows (files out of the box, a real Redis for CACHE_URL=redis://).
"""

import os
import signal
import subprocess  # noqa: S404 - a second portal process
import sys
import time

import pytest
from django.core.cache import cache
from django_tasks_db.models import DBTaskResult

from outbox.models import OutgoingEmail
from tests import factories

from .submissions_support import form_url, organisation_data, portal_fixture  # noqa: F401
from .worker_support import (
    ROOT,
    cache_settings,
    production_env,
    redis_url,  # noqa: F401
    run_worker_batch,
    start_worker,
    stop,
    wait_for,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(params=["files", "redis"])
def shared_cache(request, tmp_path, settings):
    """The web process's cache, shared with the worker: files (the default) or Redis."""
    if request.param == "files":
        url = f"filecache://{tmp_path / 'cache'}"
    else:
        url = request.getfixturevalue("redis_url")
    settings.CACHES = cache_settings(url)
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield url
    cache.clear()


def _listed(client, query, title):
    response = client.get("/fr/annuaire/", {"q": query})
    assert response.status_code == 200
    return title in response.text


def test_a_published_entry_is_found_after_the_worker_ran_its_tasks(
    client, site_tree, database_queue, shared_cache, tmp_path
):
    index = factories.directory_index(site_tree["fr"])
    client.get("/fr/")  # the first visit creates the site settings row
    env = production_env(tmp_path, shared_cache)
    run_worker_batch(env, tmp_path / "worker.log")  # what setting up the site queued

    page = factories.organisation(
        index, "Atelier passerelle", summary="Un atelier de réparation ouvert à tous."
    )
    client.get("/fr/annuaire/", {"q": "passerelle"})  # a reader asks before the worker ran
    assert DBTaskResult.objects.filter(status="READY").exists()  # index, reference index...

    run_worker_batch(env, tmp_path / "worker.log")

    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert not DBTaskResult.objects.filter(status="FAILED").exists()
    assert _listed(client, "passerelle", "Atelier passerelle")
    assert client.get(page.url).status_code == 200

    page.unpublish()  # an editor unpublishes: gone at once, cached pages included
    assert not _listed(client, "passerelle", "Atelier passerelle")
    run_worker_batch(env, tmp_path / "worker.log")
    assert not _listed(client, "passerelle", "Atelier passerelle")


def test_a_write_in_another_process_drops_this_process_s_cached_pages(
    client, site_tree, shared_cache, tmp_path
):
    client.get("/fr/")  # the first visit creates the site settings row (content: a miss)
    client.get("/fr/")
    assert client.get("/fr/")["X-Cache"] == "hit"

    env = production_env(tmp_path, shared_cache)
    subprocess.run(  # noqa: S603 - e.g. another gunicorn worker, or the task worker
        [sys.executable, "manage.py", "shell", "-c", "import pagecache; pagecache.invalidate()"],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=120,
    )

    assert client.get("/fr/")["X-Cache"] == "miss"


def test_an_e_mail_is_queued_then_delivered_by_the_worker(
    client, portal, database_queue, settings, tmp_path
):
    settings.PORTAL_STAFF_EMAILS = ["staff@example.org"]
    assert client.post(form_url(portal, "organisation"), organisation_data()).status_code == 302
    assert OutgoingEmail.objects.filter(sent_at__isnull=True).count() == 2  # stored, queued

    env = production_env(
        tmp_path, f"filecache://{tmp_path / 'cache'}", PORTAL_STAFF_EMAILS="staff@example.org"
    )
    run_worker_batch(env, tmp_path / "worker.log")

    assert OutgoingEmail.objects.filter(sent_at__isnull=True).count() == 0
    delivered = "".join(path.read_text() for path in (tmp_path / "mail").iterdir())
    assert "To: partner@example.org" in delivered
    assert "To: staff@example.org" in delivered
    tasks = DBTaskResult.objects.filter(task_path="outbox.tasks.deliver_email")
    assert list(tasks.values_list("status", flat=True)) == ["SUCCESSFUL"] * 2


def test_a_task_whose_worker_was_killed_runs_again(database_queue, tmp_path):
    from tests.worker_tasks import record_run

    markers = tmp_path / "markers"
    markers.mkdir()
    result = record_run.enqueue(str(markers), hold_first_run_seconds=120)
    env = production_env(tmp_path, f"filecache://{tmp_path / 'cache'}")

    doomed = start_worker(env, tmp_path / "worker.log")
    try:
        wait_for(lambda: (markers / "run-1").exists(), timeout=60, message="the first run")
        os.kill(doomed.pid, signal.SIGKILL)  # out of memory, a reboot, kill -9
        doomed.wait(timeout=10)
    finally:
        stop(doomed)
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == "RUNNING"  # what django-tasks-db alone would leave forever

    time.sleep(2.5)  # PORTAL_TASK_WORKER_TIMEOUT=2: the dead worker's heartbeat is stale
    run_worker_batch(env, tmp_path / "worker.log")

    row.refresh_from_db()
    assert row.status == "SUCCESSFUL"
    assert row.return_value == 2  # the second run finished the work
    assert len(row.worker_ids) == 2 and row.worker_ids[0] != row.worker_ids[1]
    assert sorted(path.name for path in markers.iterdir()) == ["run-1", "run-2"]
