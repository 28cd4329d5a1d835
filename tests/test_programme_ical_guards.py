"""Guards on partners' calendars: a feed never publishes over an editor's unpublished
changes, and a feed that suddenly loses (nearly) all its coming events cancels none of them
but is marked suspicious, for the admin and the partner."""

import pytest

from programme.choices import EventStatus
from programme.ical_import import refresh
from programme.models import EventPage
from programme.subscriptions import FetchStatus
from tests.test_programme_ical_import import (  # noqa: F401 - fixtures
    calendar,
    in_english,
    subscription,
    vevent,
)
from tests.test_programme_pages import programme  # noqa: F401 - fixture

from .feed_server import feed_server, no_outside_connections  # noqa: F401 - fixtures


@pytest.fixture
def trusted(subscription):  # noqa: F811
    subscription.trusted = True
    subscription.save()
    return subscription


def _serve(feed_server, *events):  # noqa: F811
    feed_server.route("/agenda.ics", body=calendar(*events))


def _editor_changes(page, django_user_model, **values):
    editor = django_user_model.objects.create_superuser("ed", "ed@example.org", "pass-pass-123")
    draft = page.get_latest_revision_as_object()
    for name, value in values.items():
        setattr(draft, name, value)
    draft.save_revision(user=editor)


def test_a_trusted_feed_leaves_an_editors_draft_alone(
    trusted,
    feed_server,  # noqa: F811
    django_user_model,
):
    refresh(trusted)
    event = EventPage.objects.get()
    _editor_changes(event, django_user_model, summary="Corrigé par la rédaction.")
    _serve(feed_server, vevent("a@partner", "Atelier vélo (modifié)", 3))
    status, message, report = refresh(trusted)
    assert status == FetchStatus.OK and report.drafts_kept == 1 and report.updated == 0
    assert "unpublished changes" in message and "Atelier vélo" in message
    event.refresh_from_db()
    assert event.title == "Atelier vélo"  # the live version: the feed did not publish
    draft = event.get_latest_revision_as_object()
    assert draft.summary == "Corrigé par la rédaction." and draft.title == "Atelier vélo"
    # Once the editor publishes, the feed's changes come through again.
    event.get_latest_revision().publish()
    status, message, report = refresh(trusted)
    assert report.updated == 1 and report.drafts_kept == 0, message
    event.refresh_from_db()
    assert event.title == "Atelier vélo (modifié)"


def test_an_editors_draft_is_not_cancelled_either(
    trusted,
    feed_server,  # noqa: F811
    django_user_model,
    settings,
):
    settings.PORTAL_ICAL_VANISH_MIN = 5
    _serve(feed_server, vevent("a@partner", "Atelier", 3), vevent("b@partner", "Café", 4))
    refresh(trusted)
    cafe = EventPage.objects.get(title="Café")
    _editor_changes(cafe, django_user_model, summary="Brouillon.")
    _serve(feed_server, vevent("a@partner", "Atelier", 3))  # the café leaves the feed
    status, message, report = refresh(trusted)
    assert status == FetchStatus.OK and report.cancelled == 0 and report.drafts_kept == 1
    cafe.refresh_from_db()
    assert cafe.status == EventStatus.SCHEDULED


def test_the_feeds_own_revisions_are_not_mistaken_for_a_draft(trusted, feed_server):  # noqa: F811
    trusted.trusted = False
    trusted.save()
    refresh(trusted)  # a draft in moderation, saved by the import: no user
    _serve(feed_server, vevent("a@partner", "Atelier vélo (modifié)", 3))
    status, message, report = refresh(trusted)
    assert report.updated == 1 and report.drafts_kept == 0, message


def test_an_empty_feed_cancels_nothing_and_is_suspicious(trusted, feed_server):  # noqa: F811
    refresh(trusted)
    _serve(feed_server)
    status, message, report = refresh(trusted)
    assert status == FetchStatus.SUSPICIOUS and report.cancelled == 0
    assert "no events any more" in message
    assert EventPage.objects.get().status == EventStatus.SCHEDULED
    trusted.refresh_from_db()
    assert trusted.last_status == FetchStatus.SUSPICIOUS and trusted.last_reason == "vanished"
    assert trusted.last_success_at == trusted.last_fetched_at
    assert "kept them" in trusted.partner_explanation


def test_losing_most_dates_at_once_is_suspicious_a_few_is_not(
    trusted,
    feed_server,  # noqa: F811
    settings,
):
    settings.PORTAL_ICAL_VANISH_SHARE = 0.5
    settings.PORTAL_ICAL_VANISH_MIN = 3
    events = [vevent(f"{n}@partner", f"Soirée {n}", 3 + n) for n in range(6)]
    _serve(feed_server, *events)
    refresh(trusted)
    _serve(feed_server, *events[:2], vevent("new@partner", "Nouveau", 20))  # 4 of 6 gone
    status, message, report = refresh(trusted)
    assert status == FetchStatus.SUSPICIOUS and report.cancelled == 0, message
    assert report.created == 1  # what the feed does give is still imported
    assert "4 of the 6 coming events disappeared" in message
    assert not EventPage.objects.filter(status=EventStatus.CANCELLED).exists()
    _serve(feed_server, *events[:4], vevent("new@partner", "Nouveau", 20))  # 2 of 7 gone
    status, message, report = refresh(trusted)
    assert status == FetchStatus.OK and report.cancelled == 2, message


def test_the_command_warns_of_a_suspicious_read_without_failing(
    trusted,
    feed_server,  # noqa: F811
):
    from io import StringIO

    from django.core.management import call_command

    refresh(trusted)
    _serve(feed_server)
    out = StringIO()
    call_command("import_ical", trusted.url, stdout=out)
    assert "no events any more" in out.getvalue()
    assert EventPage.objects.get().status == EventStatus.SCHEDULED
