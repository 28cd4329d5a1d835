"""Importing a partner's iCalendar feed into the programme.

The feed is fetched through the guarded outbound fetcher (public addresses only, capped in
time and size), read with icalendar, and its repetitions expanded with recurring-ical-events
over the coming year: each date becomes one event page, known by its UID and RECURRENCE-ID, so
reading the same feed again changes nothing. A changed date gets a new revision; a date marked
CANCELLED, or gone from the feed while still to come, is cancelled. New events are drafts in
moderation unless the subscription is trusted (then published at once, and so are changes).
Everything a feed brings is written in one transaction: a feed fails whole, never half.

Two guards keep a feed from undoing people's work: an event an editor changed in the admin
and has not published yet keeps that draft (the feed's version waits, see
`editor_draft_pending`), and a feed that suddenly loses most of its coming dates (or all of
them) cancels none: the read is marked suspicious instead (`PORTAL_ICAL_VANISH_SHARE`).
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

    def __init__(self, message, code="malformed"):
        super().__init__(message)
        self.code = code


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
    drafts_kept: int = 0  # events with an editor's unpublished changes, left alone
    titles: list = field(default_factory=list)
    kept_titles: list = field(default_factory=list)
    suspicious: str = ""  # why the dates gone from the feed were not cancelled

    def __str__(self):
        text = _(
            "%(created)d new, %(updated)d changed, %(cancelled)d cancelled, "
            "%(unchanged)d unchanged, %(skipped)d without an identifier (skipped)."
        ) % asdict(self)
        if self.drafts_kept:
            text += " " + _(
                "%(count)d left alone: an editor has unpublished changes to them (%(titles)s)."
            ) % {"count": self.drafts_kept, "titles": ", ".join(self.kept_titles[:10])}
        if self.suspicious:
            text += " " + self.suspicious
        return text


def _text(component, name, limit):
    value = strip_tags(str(component.get(name, "") or "")).replace("\x00", "").strip()
    return Truncator(" ".join(value.split())).chars(limit)


def _moment(value, zone):
    """An aware datetime from a DATE or DATE-TIME (floating times are Paris time)."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=zone)
    return dt.datetime.combine(value, dt.time.min, zone)


def utc_key(moment):
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
    recurrence_id = utc_key(original) if uid in repeating else ""
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
            % {"count": settings.PORTAL_ICAL_MAX_EVENTS},
            "too_many_dates",
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


def save_imported(page, subscription):
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


def editor_draft_pending(page):
    """Whether someone changed the event in the admin since it was last published.

    Imports save revisions without a user; a newer revision with one is an editor's draft,
    which a feed must not publish over (nor push back behind its own revision)."""
    latest = page.get_latest_revision()
    if latest is None or latest.user_id is None:
        return False
    live = page.live_revision
    return live is None or (latest.pk != live.pk and latest.created_at >= live.created_at)


def _keep_draft(page, report):
    report.drafts_kept += 1
    report.kept_titles.append(page.title)


def _create(subscription, feed_event):
    page = EventPage(slug=_slug(subscription, feed_event), live=False)
    _apply(page, feed_event)
    if subscription.organisation_id:
        page.organisers.set([subscription.organisation])  # written with the page
    subscription.programme.add_child(instance=page)
    save_imported(page, subscription)
    return page


def _update(subscription, link, feed_event):
    page = link.event.get_latest_revision_as_object()
    _apply(page, feed_event)
    save_imported(page, subscription)


def _upcoming(link, now):
    event = link.event
    return event is not None and event.end >= now and event.status != EventStatus.CANCELLED


def vanishing_message(gone, upcoming, feed_is_empty):
    """Why the dates gone from a feed are kept, or "" when cancelling them is believable.

    An empty feed, or one that loses more than PORTAL_ICAL_VANISH_SHARE of its coming dates
    at once (at least PORTAL_ICAL_VANISH_MIN of them), is more likely a broken export than a
    season called off: cancelling everything would show a false programme."""
    if not gone:
        return ""
    if feed_is_empty:
        return _(
            "The calendar has no events any more: its %(count)d coming events were kept, not "
            "cancelled. If they are really called off, mark them cancelled in the calendar."
        ) % {"count": gone}
    share = gone / upcoming if upcoming else 0
    if gone >= settings.PORTAL_ICAL_VANISH_MIN and share > settings.PORTAL_ICAL_VANISH_SHARE:
        return _(
            "%(count)d of the %(total)d coming events disappeared from the calendar at once: "
            "they were kept, not cancelled. If they are really called off, mark them "
            "cancelled in the calendar."
        ) % {"count": gone, "total": upcoming}
    return ""


def _cancel_missing(subscription, links, report):
    """Dates still to come that the feed no longer gives are cancelled, not deleted."""
    for link in links:
        page = link.event.get_latest_revision_as_object()
        if editor_draft_pending(link.event):
            _keep_draft(page, report)
            continue
        page.status = EventStatus.CANCELLED
        save_imported(page, subscription)
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
    if editor_draft_pending(link.event):
        # The fingerprint stays: the feed's version is offered again at the next read.
        _keep_draft(link.event, report)
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
        now = timezone.now()
        upcoming = [link for link in known.values() if _upcoming(link, now)]
        gone = [link for key, link in known.items() if key not in seen and _upcoming(link, now)]
        report.suspicious = vanishing_message(len(gone), len(upcoming), not seen)
        if not report.suspicious:
            _cancel_missing(subscription, gone, report)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _read(subscription, dry_run):
    """(status, reason code, message, report or None) of one read of the feed."""
    try:
        fetched = fetch(
            subscription.url,
            max_bytes=settings.PORTAL_ICAL_MAX_BYTES,
            timeout=settings.PORTAL_ICAL_TIMEOUT,
            accept="text/calendar, */*;q=0.5",
        )
        report = import_events(subscription, parse_feed(fetched.content), dry_run=dry_run)
    except FetchRefused as refused:
        return FetchStatus.REFUSED, refused.code, str(refused.message), None
    except MalformedFeed as malformed:
        return FetchStatus.MALFORMED, malformed.code, str(malformed), None
    except ValidationError as invalid:  # an event the page model refuses: the feed rolled back
        message = _("An event of the calendar could not be saved (%(error)s).") % {
            "error": "; ".join(invalid.messages)
        }
        return FetchStatus.MALFORMED, "invalid_event", message, None
    if report.suspicious:
        return FetchStatus.SUSPICIOUS, "vanished", str(report), report
    return FetchStatus.OK, "", str(report), report


def refresh(subscription, dry_run=False):
    """Fetch, read and import a subscription's feed; record the outcome (not for a dry run).

    The reason's code lets the partner space explain a refusal in the partner's words
    (`CalendarSubscription.partner_explanation`); the message is the admin's report.
    Returns (status, message, report or None)."""
    status, reason, message, report = _read(subscription, dry_run)
    if not dry_run and subscription.pk:
        now = timezone.now()
        subscription.last_fetched_at = now
        subscription.last_status, subscription.last_message = status, message
        subscription.last_reason = reason
        fields = ["last_fetched_at", "last_status", "last_message", "last_reason"]
        if report is not None:
            subscription.last_success_at = now
            fields.append("last_success_at")
        subscription.save(update_fields=fields)
    return status, message, report
