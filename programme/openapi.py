"""The events operations of the API's OpenAPI document (added to the directory's through the
`register_api_operations` hook, see wagtail_hooks.py); the parameters listed here are the ones
the API checks (directory.api_contract.refused_parameter reads them)."""

from django.conf import settings

from directory.api_contract import MAX_ID
from directory.openapi import LANG, STRING, enum, nullable, page_schema, query_parameter, responses

from .choices import AccessFeature, Audience, EventFormat, EventStatus
from .forms import FIRST_DATE, LAST_DATE, MAX_DAYS, ProgrammeFilterForm
from .queries import UPCOMING_DAYS

WHEN = [value for value, _label in ProgrammeFilterForm.base_fields["when"].choices if value]
DATE = {
    "type": "string",
    "format": "date",
    "description": f"From {FIRST_DATE.isoformat()} to {LAST_DATE.isoformat()}.",
}
BOOLEAN = {"type": "boolean", "default": False}
DATE_TIME = {"type": "string", "format": "date-time"}

EVENT_PARAMETERS = [
    LANG,
    query_parameter(
        "q",
        "Words to search for in the title, summary, venue and description.",
        {"type": "string", "maxLength": 100},
    ),
    query_parameter(
        "when", "A period from now (replaces `from` and `to`).", {"type": "string", "enum": WHEN}
    ),
    query_parameter(
        "from",
        f"First day (default: now; the period lasts {UPCOMING_DAYS} days unless `to` is "
        f"given). A day out of range, or a period longer than {MAX_DAYS} days, is ignored "
        "with a warning.",
        DATE,
    ),
    query_parameter("to", "Last day (included).", DATE),
    query_parameter("format", "Kind of event.", enum(EventFormat.choices)),
    query_parameter("audience", "Who the event is meant for.", enum(Audience.choices)),
    query_parameter("theme", "A theme slug (unknown: ignored, with a warning)."),
    query_parameter(
        "festival",
        "A festival's id (unknown: ignored, with a warning).",
        {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    ),
    query_parameter(
        "room",
        "A place: the slug of a room of the halls, or `venue:` followed by an outside venue's "
        "name, as the programme page's place filter gives them (unknown: ignored, with a "
        "warning).",
    ),
    {
        **query_parameter(
            "access",
            "Accessibility features the event must all have (repeat the parameter).",
            {"type": "array", "items": enum(AccessFeature.choices)},
        ),
        "style": "form",
        "explode": True,
    },
    query_parameter("free", "Free events only.", BOOLEAN),
    query_parameter(
        "archive", f"Past events instead, newest first (the last {MAX_DAYS} days).", BOOLEAN
    ),
    query_parameter(
        "page", "Page number, from 1.", {"type": "integer", "minimum": 1, "default": 1}
    ),
    query_parameter(
        "page_size",
        "Occurrences per page (at most 100: a larger value gives 100).",
        {"type": "integer", "minimum": 1, "default": 20},
    ),
]

OCCURRENCE = {
    "type": "object",
    "description": (
        "One date of an event, as the programme page lists them: a repeating event gives "
        "one occurrence per date, with the event's fields repeated."
    ),
    "required": [
        "event_id",
        "translation_key",
        "occurrence",
        "title",
        "url",
        "start",
        "end",
        "status",
        "themes",
        "organisers",
        "is_free",
    ],
    "properties": {
        "event_id": {"type": "integer", "description": "The event page's id."},
        "translation_key": {
            "type": "string",
            "format": "uuid",
            "description": "Shared by the language versions of one event.",
        },
        "occurrence": {
            "type": "string",
            "description": "This date's planned start in UTC (YYYYMMDDTHHMMSSZ), the "
            "iCalendar RECURRENCE-ID: with `event_id`, the occurrence's identity.",
        },
        "title": STRING,
        "summary": STRING,
        "url": {"type": "string", "format": "uri"},
        "start": {**DATE_TIME, "description": "With the Paris offset."},
        "end": DATE_TIME,
        "all_day": {"type": "boolean"},
        "original_start": {**DATE_TIME, "description": "Differs from `start` when moved."},
        "status": enum(EventStatus.choices),
        "note": {"type": "string", "description": "What changed on this date, if anything."},
        "format": enum(EventFormat.choices),
        "audience": enum(Audience.choices),
        "themes": {"type": "array", "items": STRING, "description": "Theme slugs."},
        "organisers": {"type": "array", "items": STRING, "description": "Organisers' names."},
        "festival": nullable({"type": "integer", "description": "The festival's id."}),
        "place_name": STRING,
        "place_address": STRING,
        "room": {"type": "string", "description": "The room's slug; empty elsewhere."},
        "latitude": nullable({"type": "number", "minimum": -90, "maximum": 90}),
        "longitude": nullable({"type": "number", "minimum": -180, "maximum": 180}),
        "is_free": {"type": "boolean"},
        "price": nullable({"type": "number", "minimum": 0, "description": "In euros."}),
        **{feature.value: {"type": "boolean"} for feature in AccessFeature},
        "last_published_at": nullable(DATE_TIME),
    },
}


def operations():
    """The events paths and schemas (the hook `register_api_operations`)."""
    return {
        "paths": {
            "/events/": {
                "get": {
                    "operationId": "listEvents",
                    "summary": "Occurrences of events, with the programme page's filters",
                    "description": (
                        "The dates of published events of the requested language, sorted "
                        f"by start, from now for {UPCOMING_DAYS} days unless a period is "
                        f"given. Data under the licence {settings.PORTAL_DATA_LICENCE['name']}."
                    ),
                    "parameters": EVENT_PARAMETERS,
                    "responses": responses("OccurrencePage"),
                }
            },
        },
        "schemas": {"Occurrence": OCCURRENCE, "OccurrencePage": page_schema("Occurrence")},
    }
