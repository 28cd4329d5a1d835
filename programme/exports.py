"""Open data of the programme: its occurrences as CSV and JSON downloads and in the API.

Each row is one date of an event, as the programme page lists them (a repeating event gives
one row per date in the period, with the event's fields repeated), selected by the page's own
filters and period. Only live, public events of the page's language are exported, under the
licence the directory's exports state (PORTAL_DATA_LICENCE).
"""

import csv

from django.http import QueryDict
from django.utils import timezone
from wagtail.models import Page

from directory.exports import Echo, csv_cell, data_licence, encode_json, streaming_response
from directory.models import Theme
from pagecache.requestmemo import remembered

from .choices import AccessFeature
from .events import EventPage
from .queries import OccurrenceList, attach_organisers, overlapping
from .recurrence import local_zone

CHUNK = 500  # occurrences loaded at a time by the downloads
# Parameters of the page that are not filters of the list: the calendar's month, the API's
# paging and language.
NOT_FILTERS = ("view", "month", "page", "page_size", "lang")

CSV_COLUMNS = [
    "event_id",
    "translation_key",
    "occurrence",
    "title",
    "summary",
    "url",
    "start",
    "end",
    "all_day",
    "original_start",
    "status",
    "note",
    "format",
    "audience",
    "themes",
    "organisers",
    "festival",
    "place_name",
    "place_address",
    "room",
    "latitude",
    "longitude",
    "is_free",
    "price",
    *[choice.value for choice in AccessFeature],
    "last_published_at",
]


def listing_filters(params):
    """The page's filters among `params` (a QueryDict), without what only pages a view."""
    filters = params.copy() if isinstance(params, QueryDict) else QueryDict(mutable=True)
    for name in NOT_FILTERS:
        filters.pop(name, None)
    return filters


def selected_occurrences(page, params, request):
    """The page's filter form bound to `params` and the occurrences it lists, as the page
    lists them (OccurrenceList: sliced, loaded slice by slice)."""
    form = page.filter_form(listing_filters(params))
    form.is_valid()  # invalid filters are ignored, as on the page (the API reports them)
    after, before, newest_first = form.window()
    events = form.filter(overlapping(page.listed_events(), after, before))
    return form, OccurrenceList(events, after, before, request, newest_first=newest_first)


def _theme_slugs(events, locale):
    """Each event's theme slugs in `locale`, in two queries for all `events` (themes are
    stored in the source language's version and shared by the translations)."""
    field = EventPage._meta.get_field("themes")
    through, column = field.remote_field.through, field.m2m_field_name()
    local = remembered(
        ("programme-theme-slugs", locale.pk),
        lambda: dict(Theme.objects.filter(locale=locale).values_list("translation_key", "slug")),
    )
    slugs = {event.pk: [] for event in events}
    rows = (
        through.objects.filter(**{f"{column}_id__in": list(slugs)})
        .order_by("theme__name", "theme__pk")
        .values_list(f"{column}_id", "theme__translation_key", "theme__slug")
    )
    for pk, key, slug in rows:
        slugs[pk].append(local.get(key, slug))
    return slugs


def _festivals(events, locale):
    """The festival (id) each event belongs to, or None, in one query (festivals are the only
    parents of events besides the programme; `pages` imports this module, hence no model)."""
    parents = {event.pk: event.path[: -Page.steplen] for event in events}
    by_path = dict(
        Page.objects.filter(
            path__in=set(parents.values()),
            locale=locale,
            content_type__app_label="programme",
            content_type__model="festivalpage",
        ).values_list("path", "pk")
    )
    return {pk: by_path.get(path) for pk, path in parents.items()}


def attach_record_data(occurrences, locale):
    """What `occurrence_record` reads from each occurrence's event, in a few queries for
    any number of occurrences."""
    events = list({occurrence.event.pk: occurrence.event for occurrence in occurrences}.values())
    if not events:
        return occurrences
    attach_organisers(events, locale)
    themes, festivals = _theme_slugs(events, locale), _festivals(events, locale)
    for event in events:
        event.record_themes = themes[event.pk]
        event.record_festival = festivals[event.pk]
    return occurrences


def _local(moment):
    return timezone.localtime(moment, local_zone()).isoformat() if moment else None


def _number(value):
    return float(value) if value is not None else None


def occurrence_record(occurrence, request):
    """One date of an event as a flat dictionary of plain values (a CSV row, a JSON object)."""
    event = occurrence.event
    room = event.localized_room
    record = {
        "event_id": event.pk,
        "translation_key": str(event.translation_key),
        "occurrence": occurrence.key,
        "title": event.title,
        "summary": event.summary,
        "url": request.build_absolute_uri(occurrence.url),
        "start": _local(occurrence.start),
        "end": _local(occurrence.end),
        "all_day": event.all_day,
        "original_start": _local(occurrence.original_start),
        "status": occurrence.status,
        "note": occurrence.note,
        "format": event.format,
        "audience": event.audience,
        "themes": event.record_themes,
        "organisers": [organiser.title for organiser in event.localized_organisers],
        "festival": event.record_festival,
        "place_name": event.place_name,
        "place_address": event.place_address,
        "room": room.slug if room else "",
        "latitude": _number(event.latitude),
        "longitude": _number(event.longitude),
        "is_free": event.is_free,
        "price": _number(event.price),
        "last_published_at": event.last_published_at,
    }
    for feature in AccessFeature:
        record[feature.value] = getattr(event, feature.value)
    return record


def _records(page, request):
    """The form and the records of the page's occurrences, loaded CHUNK at a time."""
    form, occurrences = selected_occurrences(page, request.GET, request)

    def records():
        for first in range(0, len(occurrences), CHUNK):
            chunk = attach_record_data(occurrences[first : first + CHUNK], page.locale)
            for occurrence in chunk:
                yield occurrence_record(occurrence, request)

    return occurrences, records()


def _filename(page, extension):
    return f"{page.slug}-{page.locale.language_code}.{extension}"


def export_csv(page, request):
    _occurrences, records = _records(page, request)
    writer = csv.writer(Echo())

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for record in records:
            yield writer.writerow([csv_cell(record[column]) for column in CSV_COLUMNS])

    response = streaming_response(rows(), "text/csv")
    response["Content-Disposition"] = f'attachment; filename="{_filename(page, "csv")}"'
    # The licence travels in a header too, since CSV has no room for metadata.
    response["Link"] = f'<{data_licence()["url"]}>; rel="license"'
    return response


def export_json(page, request):
    occurrences, records = _records(page, request)
    metadata = {
        "title": page.title,
        "source": page.get_full_url(request),
        "language": page.locale.language_code,
        "licence": data_licence(),
        "generated_at": timezone.now(),
        "count": len(occurrences),
        "rows": "occurrences",
    }

    def chunks():
        yield '{"metadata": ' + encode_json(metadata) + ', "occurrences": ['
        separator = "\n"
        for record in records:
            yield separator + encode_json(record)
            separator = ",\n"
        yield "\n]}\n"

    response = streaming_response(chunks(), "application/json")
    response["Content-Disposition"] = f'attachment; filename="{_filename(page, "json")}"'
    return response
