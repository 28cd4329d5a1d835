"""The mirror into Elasticsearch: created before written, idempotent, deletes, retries.

Each test has an empty engine of its own (a fresh index prefix). The retry test runs on the
production task configuration: the database queue, run by django-tasks-db's worker.
"""

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from wagtail.models import Page

from search.elastic import index, mirror
from search.elastic.health import engine_health
from search.elastic.models import MirrorChange, MirrorState
from search.models import IndexedPage
from search.query import Search
from tests import factories as f

from .elastic_support import PRODUCTION_TASKS, search_engine  # noqa: F401


def engine_document(page_id):
    found = index.client().options(ignore_status=404).get(index=index.alias_name(), id=page_id)
    return found.body.get("_source") if found.body.get("found") else None


def engine_ids():
    """The directory entries the engine holds (the home pages and indexes are there too)."""
    response = index.client().search(
        index=index.alias_name(),
        query={"terms": {"kind": ["organisation", "place"]}},
        size=100,
        source=False,
    )
    return sorted(int(hit["_id"]) for hit in response["hits"]["hits"])


@pytest.fixture
def directory(site_tree, search_engine):  # noqa: F811 - a fixture
    return f.directory_index(site_tree["fr"])


def test_the_first_write_creates_the_index_with_its_mapping(directory):
    assert index.inspect().status == "missing"
    page = f.organisation(directory, "Atelier citoyen", summary="Un atelier.", city="Lyon")
    assert mirror.drain() > 0
    assert index.inspect().ok  # the portal's mapping, not one Elasticsearch guessed
    document = engine_document(page.pk)
    assert document["title"] == "Atelier citoyen"
    assert document["locale"] == "fr"
    row = IndexedPage.objects.get(page_id=page.pk)
    assert document["name_terms"] == sorted(row.name_terms.split())  # terms, not text
    assert document["facets"]["city"] == ["Lyon"]
    assert document["facets"]["kind"] == ["organisation"]


def test_sending_twice_changes_nothing_and_deletes_follow(directory):
    page = f.organisation(directory, "Atelier citoyen", summary="Un atelier.")
    other = f.organisation(directory, "Jardin partagé", summary="Un jardin.")
    mirror.drain()
    first = engine_document(page.pk)
    mirror.mark([page.pk, page.pk, other.pk])
    mirror.drain()
    assert engine_document(page.pk) == first
    assert engine_ids() == sorted([page.pk, other.pk])

    page.unpublish()
    mirror.drain()
    assert engine_ids() == [other.pk]
    Page.objects.get(pk=other.pk).delete()
    mirror.drain()
    assert engine_ids() == []
    mirror.mark([page.pk, other.pk])  # deleting what is not there is fine
    assert mirror.drain() == 2
    assert mirror.is_current()


def test_readers_use_the_engine_only_when_it_holds_everything(directory):
    f.organisation(directory, "Atelier citoyen", summary="Un atelier.")
    mirror.drain()
    assert Search(directory.locale, "atelier").count() == 1
    f.organisation(directory, "Atelier numérique", summary="Un autre atelier.")
    behind = Search(directory.locale, "atelier")
    assert behind.count() == 2 and behind.answered_by == "database"
    assert not behind.degraded  # the database's answer is complete: nothing to warn about
    mirror.drain()
    current = Search(directory.locale, "atelier")
    assert current.count() == 2 and current.answered_by == "elasticsearch"


def test_rebuild_replaces_the_index_and_drops_what_the_read_model_does_not_hold(directory):
    page = f.organisation(directory, "Atelier citoyen", summary="Un atelier.")
    mirror.drain()
    old = index.inspect().indexes
    index.client().index(
        index=index.alias_name(), id="999999", document={"page_id": 999999}, refresh=True
    )
    assert engine_health()["drift"]

    call_command("rebuild_search_index", verbosity=0)

    found = index.inspect()
    assert found.ok and found.indexes != old
    assert not index.client().indices.exists(index=old[0])
    assert engine_ids() == [page.pk]
    report = engine_health()
    assert not report["degraded"] and report["documents"] == report["read_model"]


def test_migrate_creates_the_index_and_check_reports_a_missing_one(directory, capsys):
    f.organisation(directory, "Atelier citoyen", summary="Un atelier.")
    MirrorChange.objects.all().delete()  # as if sent long ago...
    with pytest.raises(CommandError, match="index missing"):  # ...to an index since deleted
        call_command("check_search_index")
    assert "index missing" in capsys.readouterr().out

    mirror.ensure_on_migrate()  # what post_migrate runs
    assert index.inspect().ok
    assert MirrorChange.objects.count() == IndexedPage.objects.count()  # all to send again
    mirror.drain()
    call_command("check_search_index")  # in step: exits normally


@pytest.mark.django_db(transaction=True)
def test_engine_down_publishing_goes_on_and_the_worker_retries_until_it_is_back(
    site_tree,
    settings,
    search_engine,  # noqa: F811 - a fixture
):
    settings.TASKS = PRODUCTION_TASKS
    working_url = search_engine
    settings.SEARCH_URL = "http://127.0.0.1:1/" + working_url.rsplit("/", 1)[1]  # same prefix
    directory = f.directory_index(site_tree["fr"])
    first = f.organisation(directory, "Atelier citoyen", summary="Un atelier.")
    assert first.live and MirrorChange.objects.exists()
    tasks = DBTaskResult.objects.filter(task_path="search.elastic.tasks.mirror_changes")
    assert tasks.filter(status="READY").exists()

    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    state = MirrorState.objects.get()
    assert state.failures == 1 and "ConnectionError" in state.last_error
    assert state.retry_at > timezone.now()
    retry = tasks.get(status="READY")  # one retry, later
    assert retry.run_after == state.retry_at
    report = engine_health()
    assert report["degraded"] and report["pending"] >= 2 and report["failures"] == 1

    second = f.organisation(directory, "Jardin partagé", summary="Un jardin.")
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)
    assert MirrorState.objects.get().failures == 1  # the engine was left alone until then
    assert tasks.filter(status="READY").count() == 1

    settings.SEARCH_URL = working_url  # the engine is back...
    tasks.filter(status="READY").update(run_after=timezone.now() - dt.timedelta(seconds=1))
    call_command("db_worker", "--batch", "--no-startup-delay", verbosity=0)  # ...and retried

    assert mirror.is_current()
    assert engine_ids() == sorted([first.pk, second.pk])
    state = MirrorState.objects.get()
    assert (state.failures, state.retry_at, state.last_error) == (0, None, "")
    assert not engine_health()["degraded"]
    search = Search(directory.locale, "jardin")
    assert search.count() == 1 and search.answered_by == "elasticsearch"
