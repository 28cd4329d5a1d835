"""Importing a partner's iCalendar feed into the programme.

The feed is fetched through the guarded outbound fetcher (public addresses only, capped in
time and size), read with icalendar, and its repetitions expanded with recurring-ical-events
over the coming year: each date becomes one event page, known by its UID and RECURRENCE-ID, so
reading the same feed again changes nothing. A changed date gets a new revision; a date marked
CANCELLED, or gone from the feed while still to come, is cancelled. New events are drafts in
moderation unless the subscription is trusted (then published at once, and so are changes).
Everything a feed brings is written in one transaction: a feed fails whole, never half.
"""

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field

import icalendar
import recurring_ical_events
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from security.outbound import FetchRefused, fetch

from .choices import EventStatus
from .events import EventPage
from .recurrence import local_zone
from .subscriptions import FetchStatus, ImportedEvent


class MalformedFeed(Exception):
    """The answer is not a calendar the portal can read; the message says why."""


@dataclass
class FeedEvent:
    uid: str
    recurrence_id: str
    title: str
    summary: str
    start: dt.datetime
    end: dt.datetime
    all_day: bool
    venue_name: str
    status: str

    def fingerprint(self):
        values = {**asdict(self), "start": self.start.isoformat(), "end": self.end.isoformat()}
        return hashlib.sha256(repr(sorted(values.items())).encode()).hexdigest()


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    cancelled: int = 0
    unchanged: int = 0
    skipped: int = 0  # dates without a UID
    titles: list = field(default_factory=list)

    def __str__(self):
        return _(
            "%(created)d new, %(updated)d changed, %(cancelled)d cancelled, "
            "%(unchanged)d unchanged, %(skipped)d without an identifier (skipped)."
        ) % asdict(self)


def _text(component, name, limit):
    value = strip_tags(str(component.get(name, "") or "")).replace("\x00", "").strip()
    return Truncator(" ".join(value.split())).chars(limit)


def _moment(value, zone):
    """An aware datetime from a DATE or DATE-TIME (floating times are Paris time)."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    return dt.datetime.combine(value, dt.time.min, zone)


def _utc_key(moment):
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _feed_event(component, zone, repeating):
    start_value = component.decoded("DTSTART")
    all_day = not isinstance(start_value, dt.datetime)
    start = _moment(start_value, zone)
    end = _moment(component.decoded("DTEND"), zone) if component.get("DTEND") else None
    if end is None or end <= start:
        end = start + (dt.timedelta(days=1) if all_day else dt.timedelta(hours=1))
    # A date of a series is known by its planned start; a single event by its UID alone,
    # so that moving it updates it rather than cancelling it and importing a new one.
    uid = _text(component, "UID", 255)
    original = component.get("RECURRENCE-ID")
    original = _moment(original.dt, zone) if original is not None else start
    recurrence_id = _utc_key(original) if uid in repeating else ""
    cancelled = str(component.get("STATUS", "")).upper() == "CANCELLED"
    return FeedEvent(
        uid=uid,
        recurrence_id=recurrence_id,
        title=_text(component, "SUMMARY", 255) or _("Untitled event"),
        summary=_text(component, "DESCRIPTION", 300),
        start=start,
        end=end,
        all_day=all_day,
        venue_name=_text(component, "LOCATION", 150),
        status=EventStatus.CANCELLED if cancelled else EventStatus.SCHEDULED,
    )


def parse_feed(content, now=None):
    """The dates of the feed's events over the coming year; MalformedFeed if unreadable."""
    zone = local_zone()
    now = now or timezone.now()
    try:
        calendar = icalendar.Calendar.from_ical(content)
        if calendar.name != "VCALENDAR":
            raise ValueError(calendar.name)
        until = now + dt.timedelta(days=settings.PORTAL_ICAL_DAYS)
        repeating = {
            _text(component, "UID", 255)
            for component in calendar.walk("VEVENT")
            if any(component.get(name) for name in ("RRULE", "RDATE", "RECURRENCE-ID"))
        }
        events = []
        # Dates come in order of start, one at a time: reading stops at the end of the
        # window or past the cap, so a rule repeating every second costs what the cap does,
        # not millions of dates (`between` would build them all first).
        for component in recurring_ical_events.of(calendar).after(now - dt.timedelta(days=1)):
            if _moment(component.decoded("DTSTART"), zone) >= until:
                break
            if len(events) >= settings.PORTAL_ICAL_MAX_EVENTS:
                raise TooManyDates
            events.append(_feed_event(component, zone, repeating))
    except TooManyDates:
        raise MalformedFeed(
            _("The calendar has more than %(count)d dates in the coming year: too many.")
            % {"count": settings.PORTAL_ICAL_MAX_EVENTS}
        ) from None
    except Exception as error:  # noqa: BLE001 - any parsing failure is the feed's
        raise MalformedFeed(
            _("The address does not give a readable iCalendar file (%(error)s).")
            % {"error": type(error).__name__}
        ) from None
    return events


class TooManyDates(Exception):
    """More dates in the window than PORTAL_ICAL_MAX_EVENTS."""


def _slug(subscription, feed_event):
    base = slugify(feed_event.title)[:50].strip("-") or "evenement"
    # Two partners may use the same UID: the subscription is part of the identity.
    identity = f"{subscription.pk}/{feed_event.uid}/{feed_event.recurrence_id}".encode()
    return f"{base}-{hashlib.sha1(identity, usedforsecurity=False).hexdigest()[:8]}"


def _apply(page, feed_event):
    page.title = feed_event.title
    page.summary = feed_event.summary
    page.start, page.end, page.all_day = feed_event.start, feed_event.end, feed_event.all_day
    page.venue_name = feed_event.venue_name
    page.status = feed_event.status


def _save(page, subscription):
    """A new revision, published when the subscription is trusted, else sent to moderation.
    The page's own checks run first, as for an editor (a refusal rolls the feed back)."""
    page.full_clean()
    revision = page.save_revision(clean=False, log_action=True)
    if subscription.trusted:
        revision.publish()
        return
    workflow = page.get_workflow()
    if workflow is not None and not page.workflow_in_progress:
        workflow.start(page, None)


def _create(subscription, feed_event):
    page = EventPage(slug=_slug(subscription, feed_event), live=False)
    _apply(page, feed_event)
    if subscription.organisation_id:
        page.organisers.set([subscription.organisation])  # written with the page
    subscription.programme.add_child(instance=page)
    _save(page, subscription)
    return page


def _update(subscription, link, feed_event):
    page = link.event.get_latest_revision_as_object()
    _apply(page, feed_event)
    _save(page, subscription)


def _cancel_missing(subscription, links, report):
    """Dates still to come that the feed no longer gives are cancelled, not deleted."""
    now = timezone.now()
    for link in links:
        event = link.event
        if event is None or event.end < now or event.status == EventStatus.CANCELLED:
            continue
        page = event.get_latest_revision_as_object()
        page.status = EventStatus.CANCELLED
        _save(page, subscription)
        link.fingerprint = ""
        link.save(update_fields=["fingerprint"])
        report.cancelled += 1


def _import_one(subscription, known, feed_event, report):
    link = known.get((feed_event.uid, feed_event.recurrence_id))
    fingerprint = feed_event.fingerprint()
    if link is not None and link.event is not None and link.fingerprint == fingerprint:
        report.unchanged += 1
        return
    if link is None or link.event is None:
        page = _create(subscription, feed_event)
        ImportedEvent.objects.update_or_create(
            subscription=subscription,
            uid=feed_event.uid,
            recurrence_id=feed_event.recurrence_id,
            defaults={"event": page, "fingerprint": fingerprint},
        )
        report.created += 1
        report.titles.append(feed_event.title)
        return
    was_cancelled = link.event.status == EventStatus.CANCELLED
    _update(subscription, link, feed_event)
    link.fingerprint = fingerprint
    link.save(update_fields=["fingerprint"])
    if feed_event.status == EventStatus.CANCELLED and not was_cancelled:
        report.cancelled += 1
    else:
        report.updated += 1


def import_events(subscription, feed_events, dry_run=False):
    """Write the feed's dates in one transaction (rolled back for a dry run)."""
    report = Report()
    with transaction.atomic():
        links = subscription.imported_events.select_related("event")
        known = {(link.uid, link.recurrence_id): link for link in links}
        seen = set()
        for feed_event in feed_events:
            if not feed_event.uid:
                report.skipped += 1
                continue
            key = (feed_event.uid, feed_event.recurrence_id)
            if key in seen:
                continue  # the same date twice in one feed: the first wins
            seen.add(key)
            _import_one(subscription, known, feed_event, report)
        gone = [link for key, link in known.items() if key not in seen]
        _cancel_missing(subscription, gone, report)
        if dry_run:
            transaction.set_rollback(True)
    return report


def refresh(subscription, dry_run=False):
    """Fetch, read and import a subscription's feed; record the outcome (not for a dry run).

    Returns (status, message, report or None)."""
    report = None
    try:
        fetched = fetch(
            subscription.url,
            max_bytes=settings.PORTAL_ICAL_MAX_BYTES,
            timeout=settings.PORTAL_ICAL_TIMEOUT,
            accept="text/calendar, */*;q=0.5",
        )
        report = import_events(subscription, parse_feed(fetched.content), dry_run=dry_run)
        status, message = FetchStatus.OK, str(report)
    except FetchRefused as refused:
        status, message = FetchStatus.REFUSED, str(refused.message)
    except MalformedFeed as malformed:
        status, message = FetchStatus.MALFORMED, str(malformed)
    except ValidationError as invalid:  # an event the page model refuses: the feed rolled back
        status = FetchStatus.MALFORMED
        message = _("An event of the calendar could not be saved (%(error)s).") % {
            "error": "; ".join(invalid.messages)
        }
    if not dry_run and subscription.pk:
        subscription.last_fetched_at = timezone.now()
        subscription.last_status, subscription.last_message = status, message
        subscription.save(update_fields=["last_fetched_at", "last_status", "last_message"])
    return status, message, report
