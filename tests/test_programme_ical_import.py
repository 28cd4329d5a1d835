"""Partners' calendars imported into the programme: idempotent by UID, changes and
cancellations carried over, moderation unless trusted, each bad feed refused whole with a
clear status, the worker's task, the scheduler's command and the dry run."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone, translation

from programme.choices import EventStatus
from programme.ical_tasks import refresh_calendar_subscription
from programme.models import CalendarSubscription, EventPage, ImportedEvent
from programme.subscriptions import FetchStatus
from tests import factories as f
from tests.test_programme_pages import programme  # noqa: F401 - fixture

from .feed_server import feed_server, no_outside_connections  # noqa: F401 - fixtures


@pytest.fixture(autouse=True)
def in_english():
    with translation.override("en"):
        yield


def _day(days, hour=18):
    day = timezone.localdate() + dt.timedelta(days=days)
    return dt.datetime.combine(day, dt.time(hour)).strftime("%Y%m%dT%H%M%S")


def vevent(uid, summary, days, *extra):
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"SUMMARY:{summary}",
        f"DTSTART;TZID=Europe/Paris:{_day(days)}",
        f"DTEND;TZID=Europe/Paris:{_day(days, 20)}",
        *extra,
        "END:VEVENT",
    ]
    return "\r\n".join(lines)


def calendar(*events):
    body = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Partenaire//FR", *events, "END:VCALENDAR"]
    return ("\r\n".join(body) + "\r\n").encode()


@pytest.fixture
def subscription(programme, feed_server):  # noqa: F811
    index = f.directory_index(programme.get_parent())
    partner = f.organisation(index, "Maison des possibles", slug="maison")
    url = feed_server.route("/agenda.ics", body=calendar(vevent("a@partner", "Atelier vélo", 3)))
    return CalendarSubscription.objects.create(url=url, programme=programme, organisation=partner)


def _events():
    return EventPage.objects.order_by("start")


def test_new_events_go_to_moderation_and_a_second_read_changes_nothing(subscription):
    status, message, report = subscription_refresh(subscription)
    assert status == FetchStatus.OK and report.created == 1, message
    (event,) = _events()
    assert event.title == "Atelier vélo" and not event.live and event.has_unpublished_changes
    assert [o.title for o in event.organisers.all()] == ["Maison des possibles"]
    assert event.workflow_in_progress  # Wagtail's moderation, as the partners' proposals
    revisions = event.revisions.count()
    status, message, report = subscription_refresh(subscription)
    assert report.created == 0 and report.unchanged == 1
    assert event.revisions.count() == revisions and _events().count() == 1
    subscription.refresh_from_db()
    assert subscription.last_status == FetchStatus.OK and "1 unchanged" in subscription.last_message


def subscription_refresh(subscription):
    from programme.ical_import import refresh

    return refresh(subscription)


def test_trusted_feed_changing_between_two_reads(subscription, feed_server):  # noqa: F811
    subscription.trusted = True
    subscription.save()
    feed_server.route(
        "/agenda.ics",
        body=calendar(
            vevent("a@partner", "Atelier vélo", 3),
            vevent("b@partner", "Café <b>débat</b>", 4, "LOCATION:Jardin"),
            vevent("c@partner", "Balade", 5, "RRULE:FREQ=WEEKLY;COUNT=3"),
        ),
    )
    _status, _message, report = subscription_refresh(subscription)
    assert report.created == 5  # the balade once a week, three times
    assert all(event.live for event in _events())
    cafe = EventPage.objects.get(venue_name="Jardin")
    assert cafe.title == "Café débat"  # markup dropped
    # The partner moves the atelier, cancels the café and drops the balade's series.
    feed_server.route(
        "/agenda.ics",
        body=calendar(
            vevent("a@partner", "Atelier vélo (nouvelle date)", 6),
            vevent("b@partner", "Café débat", 4, "LOCATION:Jardin", "STATUS:CANCELLED"),
        ),
    )
    _status, message, report = subscription_refresh(subscription)
    assert (report.created, report.updated, report.cancelled) == (0, 1, 4), message
    atelier = EventPage.objects.get(title__startswith="Atelier")
    assert atelier.live and atelier.title == "Atelier vélo (nouvelle date)"
    assert atelier.start.date() == timezone.localdate() + dt.timedelta(days=6)
    statuses = {event.title: event.status for event in _events()}
    assert statuses["Café débat"] == EventStatus.CANCELLED
    assert statuses["Balade"] == EventStatus.CANCELLED
    assert EventPage.objects.count() == 5  # cancelled, never deleted
    assert ImportedEvent.objects.filter(subscription=subscription).count() == 5


@pytest.mark.parametrize(
    ("route", "status", "words"),
    [
        (
            {"body": b"<html>not a calendar</html>", "content_type": "text/html"},
            "malformed",
            "iCal",
        ),
        ({"body": b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n"}, "malformed", "iCalendar"),
        ({"body": b"x" * 3000}, "refused", "larger"),
        ({"status": 500}, "refused", "HTTP 500"),
        ({"status": 302, "location": "http://169.254.169.254/latest/"}, "refused", "private"),
        ({"body": calendar(vevent("a@p", "x", 3)), "delay": 2.5}, "refused", "too long"),
    ],
)
def test_each_bad_feed_is_refused_whole_with_a_clear_status(
    subscription,
    feed_server,  # noqa: F811
    settings,
    route,
    status,
    words,
):
    settings.PORTAL_ICAL_MAX_BYTES = 2000
    settings.PORTAL_ICAL_TIMEOUT = 1
    feed_server.route("/agenda.ics", **route)
    refresh_calendar_subscription.call(subscription.pk)
    subscription.refresh_from_db()
    assert subscription.last_status == status
    assert words in subscription.last_message
    assert not EventPage.objects.exists()


def test_a_feed_failing_halfway_imports_nothing(subscription, feed_server, monkeypatch):  # noqa: F811
    feed_server.route(
        "/agenda.ics",
        body=calendar(vevent("a@partner", "Un", 3), vevent("b@partner", "Deux", 4)),
    )
    from programme import ical_import

    calls = []
    original = ical_import._create

    def failing(subscription, feed_event):
        calls.append(feed_event.title)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(subscription, feed_event)

    monkeypatch.setattr(ical_import, "_create", failing)
    with pytest.raises(RuntimeError):
        subscription_refresh(subscription)
    assert calls == ["Un", "Deux"]
    assert not EventPage.objects.exists() and not ImportedEvent.objects.exists()


def test_two_partners_may_use_the_same_uid(subscription, programme, feed_server):  # noqa: F811
    other = CalendarSubscription.objects.create(url=subscription.url, programme=programme)
    for each in (subscription, other):
        status, message, report = subscription_refresh(each)
        assert status == FetchStatus.OK and report.created == 1, message
    assert EventPage.objects.count() == 2


def test_an_event_the_page_refuses_rolls_the_feed_back(
    subscription,
    feed_server,  # noqa: F811
    monkeypatch,
):
    from django.core.exceptions import ValidationError

    feed_server.route(
        "/agenda.ics", body=calendar(vevent("a@p", "Un", 3), vevent("b@p", "Refusé", 4))
    )
    original = EventPage.clean

    def clean(page):
        if page.title == "Refusé":
            raise ValidationError({"title": "refused by the page"})
        return original(page)

    monkeypatch.setattr(EventPage, "clean", clean)
    status, message, _report = subscription_refresh(subscription)
    assert status == FetchStatus.MALFORMED and "could not be saved" in message, message
    assert not EventPage.objects.exists()
    subscription.refresh_from_db()
    assert subscription.last_status == FetchStatus.MALFORMED


def test_too_many_dates_are_refused(subscription, feed_server, settings):  # noqa: F811
    settings.PORTAL_ICAL_MAX_EVENTS = 3
    feed_server.route(
        "/agenda.ics", body=calendar(vevent("d@p", "Tous les jours", 1, "RRULE:FREQ=DAILY"))
    )
    status, message, _report = subscription_refresh(subscription)
    assert status == FetchStatus.MALFORMED and "too many" in message


def test_a_rule_repeating_every_second_stops_at_the_cap():
    # A year of dates every second is 31 million components: reading must stop at the cap
    # (PORTAL_ICAL_MAX_EVENTS) instead of expanding them all first.
    from programme.ical_import import MalformedFeed, parse_feed

    feed = calendar(vevent("s@p", "Chaque seconde", 1, "RRULE:FREQ=SECONDLY"))
    with pytest.raises(MalformedFeed) as refused:
        parse_feed(feed)
    assert "too many" in str(refused.value)


def test_admin_refuses_a_private_address(subscription):
    from django.core.exceptions import ValidationError

    subscription.url = "http://10.0.0.7/agenda.ics"  # loopback is allowed in these tests
    with pytest.raises(ValidationError) as refused:
        subscription.full_clean()
    assert "private or local network" in str(refused.value)


def test_command_dry_run_reports_and_saves_nothing(programme, feed_server):  # noqa: F811
    url = feed_server.route("/autre.ics", body=calendar(vevent("z@p", "Projection", 2)))
    out = StringIO()
    call_command("import_ical", url, "--dry-run", stdout=out)
    assert "Dry run" in out.getvalue() and "1 new" in out.getvalue()
    assert "Projection" in out.getvalue()
    assert not EventPage.objects.exists() and not CalendarSubscription.objects.exists()
    call_command("import_ical", url, "--trusted", stdout=StringIO())
    assert EventPage.objects.get().live


def test_command_reports_a_bad_feed(programme, feed_server):  # noqa: F811
    url = feed_server.route("/vide.ics", body=b"nothing here")
    with pytest.raises(CommandError, match="readable iCalendar"):
        call_command("import_ical", url, "--dry-run", stdout=StringIO())


def test_due_subscriptions_are_queued_for_the_worker(subscription, settings):
    out = StringIO()
    call_command("import_ical", "--due", stdout=out)
    assert "1 calendar(s) queued" in out.getvalue()
    subscription.last_fetched_at = timezone.now()
    subscription.save()
    out = StringIO()
    call_command("import_ical", "--due", stdout=out)
    assert "0 calendar(s) queued" in out.getvalue()


def test_admin_lists_and_edits_subscriptions(admin_client, subscription):
    listing = admin_client.get("/admin/snippets/programme/calendarsubscription/")
    assert listing.status_code == 200 and "agenda.ics" in listing.text
    edit = admin_client.get(
        f"/admin/snippets/programme/calendarsubscription/edit/{subscription.pk}/"
    )
    assert edit.status_code == 200
