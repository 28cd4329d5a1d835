"""Machine-readable programme: iCalendar files (RFC 5545) and an Atom feed of new events."""

import datetime as dt

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vRecur

from .choices import EventStatus
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


def _add_times(component, event, start, end):
    zone = local_zone()
    if event.all_day:
        first = timezone.localtime(start, zone).date()
        last = timezone.localtime(end, zone).date()
        component.add("dtstart", first)
        component.add("dtend", max(last, first) + dt.timedelta(days=1))
    else:
        component.add("dtstart", timezone.localtime(start, zone))
        component.add("dtend", timezone.localtime(end, zone))


def _add_details(component, event, request, status, note=""):
    description = event.summary or strip_tags(event.description)
    if note:
        description = f"{note}\n\n{description}".strip()
    if description:
        component.add("description", description)
    location = ", ".join(part for part in (event.place_name, event.place_address) if part)
    if location:
        component.add("location", location)
    if event.latitude is not None and event.longitude is not None:
        component.add("geo", (float(event.latitude), float(event.longitude)))
    component.add("url", event.get_full_url(request))
    component.add("categories", [event.get_format_display()])
    component.add("status", ICAL_STATUS.get(status, "CONFIRMED"))


def _component(event):
    component = Event()
    component.add("uid", event_uid(event))
    component.add("dtstamp", event.last_published_at or timezone.now())
    component.add("summary", event.title)
    return component


def vevents(event, request):
    """The event's VEVENT, then one per changed date of a repeating event (RECURRENCE-ID)."""
    component = _component(event)
    overrides = list(event.occurrence_overrides.all())
    start, end, status, note = event.start, event.end, event.status, ""
    if not event.is_recurring:
        # A one-off event has no series: a change to its date changes the event itself.
        for occurrence in event.occurrences_between(event.start, event.end):
            start, end, status, note = (
                occurrence.start,
                occurrence.end,
                occurrence.status,
                occurrence.note,
            )
    _add_times(component, event, start, end)
    if event.is_recurring:
        component.add("rrule", vRecur(event.rrule_parts()))
        exclusions = event.exclusion_starts()
        if exclusions:
            if event.all_day:
                exclusions = [moment.date() for moment in exclusions]
            component.add("exdate", exclusions)
    _add_details(component, event, request, status, note)
    components = [component]
    if not event.is_recurring:
        return components
    duration = event.duration
    for override in overrides:
        original = override.original_start(event)
        if original not in event.starts_between(original, original + duration):
            continue  # a change to a date the rule does not produce
        changed = _component(event)
        changed.add(
            "recurrence-id",
            timezone.localtime(original, local_zone()).date() if event.all_day else original,
        )
        new_start, new_end = override.moved_times(duration) or (original, original + duration)
        _add_times(changed, event, new_start, new_end)
        occurrence_status = (
            override.status if event.status == EventStatus.SCHEDULED else event.status
        )
        _add_details(changed, event, request, occurrence_status, override.note)
        components.append(changed)
    return components


def calendar_response(events, request, name, filename="calendar.ics"):
    calendar = Calendar()
    calendar.add("prodid", "-//Les Halles Civiques//Programme//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    # A property value on one line: a title with a line break must not start a new property.
    calendar.add("x-wr-calname", " ".join(str(name).split()))
    calendar.add("x-wr-timezone", str(local_zone()))
    for event in events:
        for component in vevents(event, request):
            calendar.add_component(component)
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def programme_calendar(request, page):
    """The events of a programme or festival page, with the listing's filters applied."""
    from .forms import ProgrammeFilterForm
    from .models import FestivalPage
    from .queries import events_for_locale, overlapping

    festival = page if isinstance(page, FestivalPage) else None
    form = ProgrammeFilterForm(request.GET, locale=page.locale, festival=festival)
    form.is_valid()
    if form.value("from") or form.value("to") or form.value("when") or festival:
        after, before, _newest_first = form.window()
    else:
        now = timezone.now()
        after = now - dt.timedelta(days=FEED_PAST_DAYS)
        before = now + dt.timedelta(days=FEED_FUTURE_DAYS)
    events = form.filter(overlapping(events_for_locale(page.locale), after, before))
    events = [event for event in events if event.occurrences_between(after, before)]
    return calendar_response(events, request, page.title, filename=f"{page.slug}.ics")


class EventsAtomFeed(Atom1Feed):
    content_type = "application/atom+xml; charset=utf-8"


def atom_response(request, page):
    """The 30 most recently published events, for feed readers and newsletters."""
    from .queries import events_for_locale

    events = events_for_locale(page.locale).order_by("-first_published_at")[:30]
    feed = EventsAtomFeed(
        title=page.title,
        link=page.get_full_url(request),
        description=_("New events at Les Halles Civiques"),
        language=page.locale.language_code,
        feed_url=page.get_full_url(request) + page.reverse_subpage("atom"),
    )
    for event in events:
        occurrence = event.display_occurrence(request)
        when = timezone.localtime(occurrence.start, local_zone()).strftime("%Y-%m-%d %H:%M")
        feed.add_item(
            title=event.title,
            link=event.get_full_url(request),
            description=f"{when} — {event.summary}" if event.summary else when,
            unique_id=event_uid(event),
            pubdate=event.first_published_at,
            updateddate=event.last_published_at,
            categories=[event.get_format_display()],
        )
    response = HttpResponse(content_type=feed.content_type)
    feed.write(response, "utf-8")
    return response
