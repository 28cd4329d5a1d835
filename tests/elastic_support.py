"""A real Elasticsearch for the tests that need one: SEARCH_TEST_ELASTICSEARCH_URL.

On a developer machine without it those tests are skipped with the reason; in CI (CI=true)
they fail, so a missing engine can never pass unnoticed (`scripts/services.sh
elasticsearch-start` prints the URL). Each test gets its own index prefix, so tests running
in parallel never see each other's documents, and its indexes are deleted afterwards.
"""

import os
import secrets
import subprocess  # noqa: S404 - the task worker under test
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from django.test import override_settings

from search.elastic import index, searching

ES_URL_VARIABLE = "SEARCH_TEST_ELASTICSEARCH_URL"


def elasticsearch_url():
    url = os.environ.get(ES_URL_VARIABLE, "").rstrip("/")
    if not url:
        message = f"{ES_URL_VARIABLE} is not set: these tests need a real Elasticsearch 8"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return url


def new_search_url(base=None):
    """A SEARCH_URL on the test engine with a prefix of its own (an empty engine for it)."""
    return f"{base or elasticsearch_url()}/test{uuid.uuid4().hex[:12]}"


def delete_indexes(search_url):
    with override_settings(SEARCH_URL=search_url):
        index.delete_everything()


@pytest.fixture
def search_engine(settings):
    """SEARCH_URL set to an empty Elasticsearch prefix for the test; cleaned up after."""
    settings.SEARCH_URL = new_search_url()
    searching.resume()
    yield settings.SEARCH_URL
    searching.resume()
    delete_indexes(settings.SEARCH_URL)


# --- A real task worker in another process ----------------------------------------------------

PRODUCTION_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
ROOT = Path(__file__).resolve().parent.parent


def database_url():
    """The test database, as a URL another process can open (a file on SQLite)."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = f"{quote(db['USER'] or '')}:{quote(db['PASSWORD'] or '')}@"
    return f"postgres://{auth}{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def run_worker(search_url, log_path, timeout=300):
    """`manage.py db_worker --batch` with the production settings on the test database:
    every queued task runs in a real worker process, which then exits."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "CACHE_URL", "EMAIL_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        DATABASE_URL=database_url(),
        SEARCH_URL=search_url,
        EMAIL_URL="consolemail://",
        PYTHONUNBUFFERED="1",
    )
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"]
    with open(log_path, "ab") as log:
        finished = subprocess.run(  # noqa: S603
            command, cwd=ROOT, env=env, stdout=log, stderr=log, timeout=timeout, check=False
        )
    assert finished.returncode == 0, Path(log_path).read_text()
