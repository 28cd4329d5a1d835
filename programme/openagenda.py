"""Import of an OpenAgenda export (its JSON: a list of events, or {"events": [...]}) into the
programme, from the admin or `manage.py import_openagenda`: reading the file and its events
here, writing them in programme/openagenda_import.py.

It works as the partners' iCalendar feeds do (programme/ical_import.py), with the same
saving: each date (OpenAgenda's `timings`) becomes one event page, known by the event's
`uid` and, for an event of several dates, the date's start, so importing the same export
again changes nothing and a changed event gets a new revision. New events go to moderation
unless the import is trusted (then published at once); an event an editor changed in the
admin and has not published keeps that draft. Dates already over are not imported.

The title and texts are taken in the programme's language, else French, else English, else
any language the event has: an English translation of the page is not made (translations
go through wagtail-localize, whose synchronisation would overwrite it). Descriptions are
cleaned (publicforms.richtext); keywords naming a theme (by slug) become themes. An event
that cannot be read (no uid, no title, a date that is not one) is skipped with its reason;
the others are written in one transaction, so a failure midway leaves nothing behind. A
file the portal cannot read at all (not JSON, not an export, too large) is refused whole
with an `ImportFileError`, as in every import of a partner's file (fileimports/).
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

from fileimports.files import read_json_list
from publicforms.richtext import clean_html

from .choices import EventStatus
from .ical_import import FeedEvent, utc_key
from .recurrence import local_zone

# OpenAgenda's status codes (API v2): 4 postponed, 5 full, 6 cancelled; the others
# (scheduled, rescheduled, moved online) are scheduled events here.
_STATUSES = {
    4: EventStatus.POSTPONED,
    5: EventStatus.FULL,
    6: EventStatus.CANCELLED,
    "postponed": EventStatus.POSTPONED,
    "full": EventStatus.FULL,
    "cancelled": EventStatus.CANCELLED,
    "canceled": EventStatus.CANCELLED,
}


class BadEvent(Exception):
    """One event cannot be imported; the message says why."""


@dataclass
class AgendaEvent(FeedEvent):
    """One date of an OpenAgenda event: an iCalendar date's fields, and what OpenAgenda adds."""

    description: str = ""
    venue_address: str = ""
    venue_city: str = ""
    latitude: Decimal | None = None
    longitude: Decimal | None = None
    registration_url: str = ""
    step_free_access: bool = False
    keywords: tuple = ()  # slugified: those naming a theme of the programme's language


def read_openagenda(data):
    """The events of an OpenAgenda JSON export given as bytes; ImportFileError if unusable."""
    return read_json_list(
        data,
        "events",
        _(
            "This is not an OpenAgenda export: it is neither a list of events nor an "
            "object with a list of events under “events”."
        ),
        max_bytes=settings.PORTAL_OPENAGENDA_MAX_BYTES,
    )


def _localized(value, language):
    """The text of a multilingual value ({"fr": …, "en": …}) in `language` if it can."""
    if isinstance(value, str):
        return value
    if not isinstance(value, dict):
        return ""
    for code in (language, "fr", "en", *value):
        text = value.get(code)
        if isinstance(text, str) and text.strip():
            return text
    return ""


def _string(value, language):
    """A text field that may be a plain value or multilingual; "" for anything else."""
    if isinstance(value, dict):
        return _localized(value, language)
    is_scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
    return str(value) if is_scalar else ""


def _plain(value, limit):
    text = strip_tags(value).replace("\x00", "")
    return Truncator(" ".join(text.split())).chars(limit)


def title_of(item, language):
    """The event's title in `language` if it can, as plain text ("" without one)."""
    return _plain(_localized(item.get("title"), language), 255)


def _moment(value):
    """An aware datetime from an ISO 8601 text (without an offset: Paris time)."""
    if not isinstance(value, str):
        raise ValueError(value)
    moment = dt.datetime.fromisoformat(value.strip())
    return moment if moment.tzinfo else moment.replace(tzinfo=local_zone())


def _dates(timings):
    if not isinstance(timings, list) or not timings:
        raise BadEvent(_("It has no dates (“timings”)."))
    dates = []
    for timing in timings:
        begin = timing.get("begin") if isinstance(timing, dict) else None
        end = timing.get("end") if isinstance(timing, dict) else None
        try:
            start = _moment(begin)
            stop = _moment(end) if end else start + dt.timedelta(hours=1)
            stop = stop if stop > start else start + dt.timedelta(hours=1)
            utc_key(stop)  # a year 9999 in another zone overflows here, not later
        except (ValueError, TypeError, OverflowError):
            raise BadEvent(
                _("A date cannot be read: %(value)s.") % {"value": str(begin)[:40]}
            ) from None
        dates.append((start, stop))
    return dates


def _coordinates(location):
    try:
        latitude = Decimal(str(location.get("latitude"))).quantize(Decimal("0.000001"))
        longitude = Decimal(str(location.get("longitude"))).quantize(Decimal("0.000001"))
    except (InvalidOperation, ValueError, TypeError):
        return None, None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None, None
    return latitude, longitude


def _registration_url(registration):
    for way in registration if isinstance(registration, list) else []:
        value = way.get("value") if isinstance(way, dict) else None
        if way.get("type") == "link" and isinstance(value, str):
            if value.startswith(("https://", "http://")) and len(value) <= 200:
                return value
    return ""


def _keywords(value, language):
    words = (
        value.get(language) or value.get("fr") or value.get("en")
        if isinstance(value, dict)
        else value
    )
    words = words if isinstance(words, list) else []
    return tuple(sorted({slugify(word) for word in words if isinstance(word, str)} - {""}))


def _common_fields(item, language):
    """The fields all the dates of one event share."""
    location = item.get("location") if isinstance(item.get("location"), dict) else {}
    city = " ".join(
        _plain(_string(location.get(key), language), 100) for key in ("postalCode", "city")
    ).strip()
    latitude, longitude = _coordinates(location)
    texts = (_localized(item.get(key), language) for key in ("longDescription", "conditions"))
    status = item.get("status")
    accessibility = item.get("accessibility")
    return {
        "summary": _plain(_localized(item.get("description"), language), 300),
        "description": clean_html("\n\n".join(text for text in texts if text.strip())),
        "venue_name": _plain(_string(location.get("name"), language), 150),
        "venue_address": _plain(_string(location.get("address"), language), 250),
        "venue_city": Truncator(city).chars(100),
        "latitude": latitude,
        "longitude": longitude,
        "registration_url": _registration_url(item.get("registration")),
        "step_free_access": isinstance(accessibility, dict) and accessibility.get("mi") is True,
        "keywords": _keywords(item.get("keywords"), language),
        "status": _STATUSES.get(status, EventStatus.SCHEDULED)
        if isinstance(status, int | str)
        else EventStatus.SCHEDULED,
    }


def event_dates(item, language, now=None):
    """The dates still to come of one exported event; BadEvent if it cannot be imported."""
    uid = item.get("uid")
    uid = str(uid).strip() if isinstance(uid, str | int) and not isinstance(uid, bool) else ""
    if not uid or len(uid) > 64:
        raise BadEvent(_("It has no identifier (“uid”)."))
    title = title_of(item, language)
    if not title:
        raise BadEvent(_("It has no title."))
    dates = _dates(item.get("timings"))
    several = len(dates) > 1
    common = _common_fields(item, language)
    now = now or timezone.now()
    coming = [
        AgendaEvent(
            uid=uid,
            # One date is known by the uid alone, so that moving it updates it.
            recurrence_id=utc_key(start) if several else "",
            title=title,
            start=start,
            end=end,
            all_day=False,
            **common,
        )
        for start, end in dates
        if end >= now
    ]
    if not coming:
        raise BadEvent(_("All its dates are over."))
    return coming
