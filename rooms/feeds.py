"""A room's private iCalendar feed: programme events and confirmed hires (RFC 5545)."""

from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar, Event

from programme.recurrence import local_zone

from .services import room_calendar


def room_calendar_response(request, room, after, before, locale=None):
    calendar = Calendar()
    calendar.add("prodid", "-//Les Halles Civiques//Rooms//FR")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", room.name)
    calendar.add("x-wr-timezone", str(local_zone()))
    zone = local_zone()
    stamp = timezone.now()
    for entry in room_calendar(room, after, before, locale=locale, request=request):
        component = Event()
        component.add("uid", entry.uid)
        component.add("dtstamp", stamp)
        component.add("summary", entry.title)
        component.add("dtstart", timezone.localtime(entry.start, zone))
        component.add("dtend", timezone.localtime(entry.end, zone))
        component.add("location", room.name)
        component.add("categories", ["event" if entry.kind == "event" else "hire"])
        if entry.url:
            component.add("url", request.build_absolute_uri(entry.url))
        if entry.hire is not None:
            component.add("description", entry.hire.purpose)
        component.add("status", "CANCELLED" if entry.status == "cancelled" else "CONFIRMED")
        calendar.add_component(component)
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    filename = room.slug.encode("ascii", "ignore").decode() or "room"
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
