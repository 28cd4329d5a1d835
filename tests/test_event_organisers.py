"""An event's organisers: read through the link table first (most events name none), from
memory in a preview (the editor's unsaved choice), in the page's language."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from demo import factories
from programme.models import EventPage, ProgrammePage


@pytest.fixture
def programme(site_tree):
    page = ProgrammePage(title="Programme", slug="programme")
    site_tree["fr"].add_child(instance=page)
    page.save_revision().publish()
    return page


def _organisation(parent, title):
    return factories.organisation(parent, title, slug=title.lower())


def _event(programme, **fields):
    start = timezone.now() + dt.timedelta(days=3)
    end = start + dt.timedelta(hours=2)
    event = EventPage(title="Atelier", slug="atelier", start=start, end=end, **fields)
    programme.add_child(instance=event)
    event.save_revision().publish()
    return EventPage.objects.get(pk=event.pk)


def test_an_event_without_organisers_reads_only_the_link_table(programme):
    event = _event(programme)

    with CaptureQueriesContext(connection) as queries:
        assert event.localized_organisers == []

    assert len(queries) == 1
    assert "programme_eventpage_organisers" in queries[0]["sql"]


def test_an_events_organisers_in_their_order(programme):
    zeste, collectif = _organisation(programme, "Zeste"), _organisation(programme, "Collectif")
    event = _event(programme)
    event.organisers.set([zeste, collectif])
    event.save()
    event = EventPage.objects.get(pk=event.pk)

    assert [page.title for page in event.localized_organisers] == ["Zeste", "Collectif"]


def test_a_preview_shows_the_editors_unsaved_choice(programme):
    zeste = _organisation(programme, "Zeste")
    event = _event(programme)

    event.organisers = [zeste]  # as the edit form leaves it for a preview: in memory only

    assert [page.title for page in event.localized_organisers] == ["Zeste"]
    assert not EventPage.objects.get(pk=event.pk).organisers.exists()
