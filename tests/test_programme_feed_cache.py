"""The programme's full iCal feed is written once and then served from the cache until content
changes (issue 17): publishing an event gives the next reader a feed with it. Filtered feeds
are written each time. Read with the icalendar library.

These tests run inside a transaction that never commits, so content writes are wrapped in
`commit()` (the captured on-commit callbacks, executed): invalidation happens at commit.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.cache import cache
from django.utils import timezone

from programme.models import EventPage
from tests.test_programme_pages import add_event, programme  # noqa: F401 - fixture

PARIS = ZoneInfo("Europe/Paris")
FEED = "/fr/programme/calendar/"


@pytest.fixture(autouse=True)
def fragment_cache(settings):
    settings.PORTAL_FRAGMENT_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def soon(days):
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(18), PARIS)


def summaries(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))


def test_publishing_an_event_refreshes_the_cached_feed(client, programme, commit):  # noqa: F811
    with commit():
        debate = add_event(programme, "debat", soon(3), title="Débat", en=False)
    assert summaries(client, FEED) == ["Débat"]

    # A write that bypasses saving and publishing: the cached feed does not see it...
    EventPage.objects.filter(pk=debate.pk).update(title="Débat (renommé en base)")
    assert summaries(client, FEED) == ["Débat"]
    # ...while a filtered feed, written each time, does.
    assert summaries(client, FEED + "?format=other") == ["Débat (renommé en base)"]

    with commit():
        add_event(programme, "atelier", soon(5), title="Atelier", en=False)
    assert summaries(client, FEED) == ["Atelier", "Débat (renommé en base)"]


def test_an_edit_published_shows_in_the_feed(client, programme, commit):  # noqa: F811
    with commit():
        debate = add_event(programme, "debat", soon(3), title="Débat", en=False)
    assert summaries(client, FEED) == ["Débat"]

    debate.title = "Débat sur le budget"
    with commit():
        debate.save_revision().publish()
    assert summaries(client, FEED) == ["Débat sur le budget"]


def test_each_language_has_its_own_feed(client, programme, commit):  # noqa: F811
    with commit():
        add_event(programme, "debat", soon(3), title="Débat")
    assert summaries(client, FEED) == ["Débat"]
    assert summaries(client, "/en/programme/calendar/") == ["Débat (en)"]


def _options(client, name):
    from bs4 import BeautifulSoup

    response = client.get("/fr/programme/")
    assert response.status_code == 200
    select = BeautifulSoup(response.content, "html.parser").find("select", attrs={"name": name})
    return [option.get_text(strip=True) for option in select.find_all("option")]


def test_filter_options_are_read_once_and_follow_content_changes(client, programme, commit):  # noqa: F811
    """The themes, places and festivals offered are the same for every reader until content
    changes: kept in the fragment cache, read again after an editor's change."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from directory.models import Theme

    with commit():
        add_event(programme, "atelier", soon(3), en=False, venue_name="Mairie du 11e")
    assert _options(client, "room")[-1] == "Mairie du 11e"
    with CaptureQueriesContext(connection) as queries:
        _options(client, "theme")
    read = [query["sql"] for query in queries.captured_queries]
    assert not [sql for sql in read if 'FROM "directory_theme"' in sql]
    assert not [sql for sql in read if "DISTINCT" in sql and "venue_name" in sql]

    with commit():
        Theme.objects.create(name="Numérique", slug="numerique", locale=programme.locale)
        add_event(programme, "debat", soon(4), en=False, venue_name="Bibliothèque")
    assert "Numérique" in _options(client, "theme")
    assert "Bibliothèque" in _options(client, "room")
