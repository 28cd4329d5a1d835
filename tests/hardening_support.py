"""The demo site loaded once per test module, for tests that throw many requests at it.

`load_demo` takes tens of seconds; the hostile-input, fuzzing and permission tests only read
it (or write inside their own test transaction), so one load inside an outer transaction,
rolled back when the module ends, serves every test of the module. Each test still runs in
its own savepoint (pytest-django's `db`), so what one test writes never reaches the next.
"""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

# Every query parameter the public directory and programme read (hostile and fuzz tests).
DIRECTORY_PARAMS = [
    "q",
    "entry",
    "type",
    "relation",
    "kind",
    "access",
    "theme",
    "city",
    "country",
    "sort",
    "near",
    "radius",
    "view",
    "page",
    "lat",
    "lon",
]
PROGRAMME_PARAMS = [
    "q",
    "view",
    "month",
    "from",
    "to",
    "when",
    "format",
    "audience",
    "theme",
    "festival",
    "room",
    "access",
    "free",
    "archive",
    "page",
]


@pytest.fixture(scope="module")
def demo_db(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo", "--no-admin", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(demo_db, db):
    """The demo in this test's savepoint, with a clean cache (rate limits count there)."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    cache.clear()
    yield
    cache.clear()


def body(response):
    """The whole body, whether the view streamed it (the exports) or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content
