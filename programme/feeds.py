"""Machine-readable programme: iCalendar files (RFC 5545) and an Atom feed of new events."""

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from pagecache.fragments import cached_fragment
from publicforms.text import CleanAtom1Feed

from . import ics
from .choices import EventFormat, EventStatus
from .queries import PageUrls, overlapping, prepare
from .recurrence import local_zone

UID_DOMAIN = "halles-civiques"
FEED_PAST_DAYS = 31
FEED_FUTURE_DAYS = 366


def event_uid(event):
    # The translation key is shared by an event's translations: one event, one UID.
    return f"event-{event.translation_key}@{UID_DOMAIN}"


ICAL_STATUS = {
    EventStatus.CANCELLED: "CANCELLED",
    EventStatus.POSTPONED: "TENTATIVE",
}


def _add_times(writer, event, start, end):
    if event.all_day:
        first = timezone.localtime(start, writer.zone).date()
        last = timezone.localtime(end, writer.zone).date()
        writer.moment("DTSTART", first)
        writer.moment("DTEND", max(last, first) + dt.timedelta(days=1))
    else:
        writer.moment("DTSTART", start)
        writer.moment("DTEND", end)


def _add_details(writer, event, url, status, note=""):
    description = event.summary or strip_tags(event.description)
    if note:
        description = f"{note}\n\n{description}".strip()
    if description:
        writer.text("DESCRIPTION", description)
    location = ", ".join(part for part in (event.place_name, event.place_address) if part)
    if location:
        writer.text("LOCATION", location)
    if event.latitude is not None and event.longitude is not None:
        writer.line("GEO", f"{float(event.latitude)};{float(event.longitude)}")
    writer.line("URL", url)
    writer.text("CATEGORIES", writer.label(EventFormat, event.format))
    writer.line("STATUS", ICAL_STATUS.get(status, "CONFIRMED"))


def _begin(writer, event):
    writer.line("BEGIN", "VEVENT")
    writer.text("SUMMARY", event.title)
    writer.line("DTSTAMP", ics.utc_stamp(event.last_published_at or timezone.now()))
    writer.text("UID", event_uid(event))


def write_vevents(writer, event, url):
    """The event's VEVENT, then one per changed date of a repeating event (RECURRENCE-ID)."""
    _begin(writer, event)
    start, end, status, note = event.start, event.end, event.status, ""
    if event.is_recurring:
        start = event.series_start()
        end = start + event.duration
    else:
        # A one-off event has no series: a change to its date changes the event itself.
        for occurrence in event.occurrences_between(event.start, event.end, url=url):
            start, end, status, note = (
                occurrence.start,
                occurrence.end,
                occurrence.status,
                occurrence.note,
            )
    _add_times(writer, event, start, end)
    if event.is_recurring:
        writer.rrule(event.rrule_parts())
        exclusions = event.exclusion_starts()
        if exclusions:
            if event.all_day:
                exclusions = [moment.date() for moment in exclusions]
            writer.moments("EXDATE", exclusions, all_day=event.all_day)
    _add_details(writer, event, url, status, note)
    writer.line("END", "VEVENT")
    if not event.is_recurring:
        return
    duration = event.duration
    for override in event.overrides():
        original = override.original_start(event)
        if original not in event.starts_between(original, original + duration):
            continue  # a change to a date the rule does not produce
        _begin(writer, event)
        writer.moment("RECURRENCE-ID", original, all_day=event.all_day)
        new_start, new_end = override.moved_times(duration) or (original, original + duration)
        _add_times(writer, event, new_start, new_end)
        occurrence_status = (
            override.status if event.status == EventStatus.SCHEDULED else event.status
        )
        _add_details(writer, event, url, occurrence_status, override.note)
        writer.line("END", "VEVENT")


def calendar_body(events, request, name, prepared=False):
    """The events as the text of one iCalendar file; site, URLs, rooms and address are looked
    up once."""
    if not prepared:
        events = prepare(events, request)
    urls = PageUrls(request, full=True)
    writer = ics.Writer(local_zone())
    for event in events:
        write_vevents(writer, event, urls(event))
    properties = [
        ("PRODID", "-//Les Halles Civiques//Programme//FR"),
        ("VERSION", "2.0"),
        ("CALSCALE", "GREGORIAN"),
        # One line: a title with a line break must not start a new property.
        ("X-WR-CALNAME", ics.text(" ".join(str(name).split()))),
        ("X-WR-TIMEZONE", ics.text(str(local_zone()))),
    ]
    return ics.calendar(properties, writer)


def _calendar_file(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar_response(events, request, name, filename="calendar.ics", prepared=False):
    """The events as one iCalendar file."""
    return _calendar_file(calendar_body(events, request, name, prepared), filename)


def _programme_calendar_body(request, page, form):
    if form.value("from") or form.value("to") or form.value("when") or form.fixed_festival:
        after, before, _newest_first = form.window()
    else:
        now = timezone.now()
        after = now - dt.timedelta(days=FEED_PAST_DAYS)
        before = now + dt.timedelta(days=FEED_FUTURE_DAYS)
    events = prepare(form.filter(overlapping(page.listed_events(), after, before)), request)
    events = [event for event in events if event.occurrences_between(after, before, url="")]
    return calendar_body(events, request, page.title, prepared=True)


def programme_calendar(request, page):
    """The events of a programme or festival page, with the listing's filters applied.

    The full feed (no filter) is what calendar apps poll, and writing it for thousands of
    events takes a second: it is kept in the fragment cache under the content version, so a
    publish anywhere (pagecache.signals) makes the next request write it afresh, and at the
    latest after PORTAL_FRAGMENT_CACHE_SECONDS, as its window (a month back, a year ahead)
    moves with the date. Filtered feeds, rarer and smaller, are written each time.
    """
    form = page.filter_form(request.GET)
    form.is_valid()
    filename = f"{page.slug}.ics"
    if request.GET:
        return _calendar_file(_programme_calendar_body(request, page, form), filename)
    body = cached_fragment(
        request,
        "programme-calendar",
        [page.pk, translation.get_language()],
        lambda: _programme_calendar_body(request, page, form),
    )
    return _calendar_file(body, filename)


class EventsAtomFeed(CleanAtom1Feed):
    pass


def atom_response(request, page):
    """The 30 most recently published events, for feed readers and newsletters."""
    events = prepare(page.listed_events().order_by("-first_published_at")[:30], request)
    urls = PageUrls(request, full=True)
    feed = EventsAtomFeed(
        title=page.title,
        link=page.get_full_url(request),
        description=_("New events at Les Halles Civiques"),
        language=page.locale.language_code,
        feed_url=page.get_full_url(request) + page.reverse_subpage("atom"),
    )
    for event in events:
        url = urls(event)
        occurrence = event.display_occurrence(request, url=url)
        when = timezone.localtime(occurrence.start, local_zone()).strftime("%Y-%m-%d %H:%M")
        feed.add_item(
            title=event.title,
            link=url,
            description=f"{when} — {event.summary}" if event.summary else when,
            unique_id=event_uid(event),
            pubdate=event.first_published_at,
            updateddate=event.last_published_at,
            categories=[event.get_format_display()],
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
