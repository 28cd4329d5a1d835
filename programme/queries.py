"""Read-side queries of the programme, shared by its pages, blocks and feeds.

Repeating events are stored once and expanded in Python, so every listing costs the same few
queries however many events and repetitions there are.
"""

import datetime as dt

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

UPCOMING_DAYS = 90


def events_for_locale(locale=None):
    """Live, public events in `locale` (the active one by default), with what cards show."""
    from .models import EventPage

    locale = locale or Locale.get_active()
    return (
        EventPage.objects.live()
        .public()
        .filter(locale=locale)
        .select_related("locale", "room")
        .prefetch_related("occurrence_overrides")
        .order_by("start", "pk")
    )


def overlapping(queryset, after, before):
    """Events that may have an occurrence between `after` and `before` (checked on expansion)."""
    one_off = Q(recurrence_frequency="", start__lt=before, end__gt=after)
    repeating = (
        ~Q(recurrence_frequency="")
        & Q(start__lt=before)
        & (Q(recurrence_until__isnull=True) | Q(recurrence_until__gte=after.date()))
    )
    return queryset.filter(one_off | repeating)


def localized_rooms(events, locale=None):
    """Rooms in `locale` by translation key, fetched in one query for all `events`."""
    from .models import Room

    locale = locale or Locale.get_active()
    keys = {event.room.translation_key for event in events if event.room_id}
    if not keys:
        return {}
    return {
        room.translation_key: room
        for room in Room.objects.filter(translation_key__in=keys, locale=locale)
    }


def expand(events, after, before, request=None, newest_first=False):
    """The occurrences of `events` overlapping [after, before), sorted by date."""
    events = list(events)
    rooms = localized_rooms(events)
    occurrences = []
    for event in events:
        room = None
        if event.room_id:
            room = rooms.get(event.room.translation_key, event.room)
        for occurrence in event.occurrences_between(after, before, request):
            occurrence.room = room
            occurrences.append(occurrence)
    occurrences.sort(key=lambda o: (o.start, o.title), reverse=newest_first)
    return occurrences


def upcoming_occurrences(limit=None, request=None, days=365):
    """Upcoming event occurrences in the active language, soonest first."""
    now = timezone.now()
    before = now + dt.timedelta(days=days)
    events = overlapping(events_for_locale(), now, before)
    occurrences = [o for o in expand(events, now, before, request) if o.start >= now]
    return occurrences[:limit] if limit else occurrences
