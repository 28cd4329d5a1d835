"""Open-data exports of the directory (CSV, JSON, GeoJSON), with the page's own filters.

Only live, public entries of the index's language are exported, and contact details only for
organisations that agreed to publish them.
"""

import csv
import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import StreamingHttpResponse
from django.utils import timezone

from .choices import Accessibility
from .entries import OrganisationPage, PlacePage
from .filters import DirectorySearch


def data_licence():
    """The licence the exports, the API and their documentation state (PORTAL_DATA_LICENCE)."""
    return {
        "name": settings.PORTAL_DATA_LICENCE["name"],
        "url": settings.PORTAL_DATA_LICENCE["url"],
    }


CSV_COLUMNS = [
    "id",
    "translation_key",
    "entry_type",
    "name",
    "summary",
    "url",
    "organisation_type",
    "relation",
    "kind",
    "themes",
    "keywords",
    "street_address",
    "postcode",
    "city",
    "country",
    "latitude",
    "longitude",
    "website",
    "year",
    *[choice.value for choice in Accessibility],
    "contact_email",
    "contact_phone",
    "last_published_at",
]
# A spreadsheet runs a cell starting with one of these as a formula.
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


class ExportEntry:
    """An entry as plain values read with `.values()`: what `entry_record` reads from a page,
    without building thousands of page objects."""

    def __init__(self, entry_type, values, themes, keywords):
        self.__dict__.update(values)
        self.entry_type = entry_type
        self.display_themes = themes
        self.keyword_names = keywords

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @property
    def public_contact(self):
        return OrganisationPage.public_contact.fget(self)


_COMMON_FIELDS = [
    "title",
    "translation_key",
    "url_path",
    "summary",
    "city",
    "country",
    "latitude",
    "longitude",
    "website",
    "last_published_at",
]
EXPORT_FIELDS = {
    "organisation": [
        *_COMMON_FIELDS,
        "organisation_type",
        "relation",
        "street_address",
        "postcode",
        "year_founded",
        "show_contact",
        "contact_email",
        "contact_phone",
    ],
    "place": [*_COMMON_FIELDS, "kind", "year_opened", *[choice.value for choice in Accessibility]],
}


def _load_for_export(search, ids):
    """The entries `ids` in that order, in five queries per kind of entry at most."""
    by_pk = {}
    for model in (OrganisationPage, PlacePage):
        rows = {
            row["pk"]: row
            for row in model.objects.filter(pk__in=ids).values(
                "pk", *EXPORT_FIELDS[model.entry_type]
            )
        }
        if not rows:
            continue
        themes_field = model._meta.get_field("themes")
        through, column = themes_field.remote_field.through, themes_field.m2m_field_name()
        themes = {}  # in the themes' own order (by name), as the pages' managers give them
        for pk, key, slug in (
            through.objects.filter(**{f"{column}_id__in": list(rows)})
            .order_by("theme__name", "theme__pk")
            .values_list(f"{column}_id", "theme__translation_key", "theme__slug")
        ):
            theme = search.themes_by_key.get(key)
            themes.setdefault(pk, []).append(theme if theme is not None else _Theme(slug))
        keyword_model = model._meta.get_field("tagged_keywords").related_model
        keywords = {}
        for pk, name in keyword_model.objects.filter(content_object_id__in=list(rows)).values_list(
            "content_object_id", "tag__name"
        ):
            keywords.setdefault(pk, []).append(name)
        for pk, row in rows.items():
            by_pk[pk] = ExportEntry(
                model.entry_type, row, themes.get(pk, []), sorted(keywords.get(pk, []))
            )
    return [by_pk[pk] for pk in ids if pk in by_pk]


class _Theme:
    def __init__(self, slug):
        self.slug = slug


def _entries(index_page, request):
    """The search of the request's filters and its entries, read a thousand at a time."""
    search = DirectorySearch(index_page, request.GET)
    ordered = search.ordered()

    def entries():
        for ids in ordered.chunks():
            yield from _load_for_export(search, ids)

    return ordered, entries()


def entry_urls(index_page, request):
    """A function giving an entry's full URL from the index's, computed once.

    Entries are children of the index, so their path continues the index's: this saves
    Wagtail's site lookup for each of thousands of rows.
    """
    index_url = index_page.get_full_url(request)
    prefix = len(index_page.url_path)
    return lambda entry: index_url + entry.url_path[prefix:]


def entry_record(entry, request, url=None):
    """One entry as a flat dictionary of plain values (the CSV row, the JSON object)."""
    is_organisation = entry.entry_type == "organisation"
    contact = entry.public_contact if is_organisation else {}
    record = {
        "id": entry.pk,
        "translation_key": str(entry.translation_key),
        "entry_type": entry.entry_type,
        "name": entry.title,
        "summary": entry.summary,
        "url": url or entry.get_full_url(request),
        "organisation_type": entry.organisation_type if is_organisation else "",
        "relation": entry.relation if is_organisation else "",
        "kind": "" if is_organisation else entry.kind,
        "themes": [theme.slug for theme in entry.display_themes],
        "keywords": entry.keyword_names,
        "street_address": entry.street_address if is_organisation else "",
        "postcode": entry.postcode if is_organisation else "",
        "city": entry.city,
        "country": entry.country,
        "latitude": float(entry.latitude) if entry.latitude is not None else None,
        "longitude": float(entry.longitude) if entry.longitude is not None else None,
        "website": entry.website,
        "year": entry.year_founded if is_organisation else entry.year_opened,
        "contact_email": contact.get("email", ""),
        "contact_phone": contact.get("phone", ""),
        "last_published_at": entry.last_published_at,
    }
    for choice in Accessibility:
        record[choice.value] = None if is_organisation else getattr(entry, choice.value)
    return record


def _metadata(index_page, request, count):
    return {
        "title": index_page.title,
        "source": index_page.get_full_url(request),
        "language": index_page.locale.language_code,
        "licence": data_licence(),
        "generated_at": timezone.now(),
        "count": count,
    }


def encode_json(data):
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)


def streaming_response(chunks, content_type):
    response = StreamingHttpResponse(
        (chunk.encode() for chunk in chunks), content_type=f"{content_type}; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "|".join(value)
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


class Echo:
    """A file-like object for csv.writer that hands each written line back."""

    def write(self, value):
        return value


def export_csv(index_page, request):
    _ordered, entries = _entries(index_page, request)
    url = entry_urls(index_page, request)
    writer = csv.writer(Echo())

    def rows():
        yield writer.writerow(CSV_COLUMNS)
        for entry in entries:
            record = entry_record(entry, request, url(entry))
            yield writer.writerow([csv_cell(record[column]) for column in CSV_COLUMNS])

    response = streaming_response(rows(), "text/csv")
    filename = f"directory-{index_page.locale.language_code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # The licence travels in a header too, since CSV has no room for metadata.
    response["Link"] = f'<{data_licence()["url"]}>; rel="license"'
    return response


def export_json(index_page, request):
    ordered, entries = _entries(index_page, request)
    url = entry_urls(index_page, request)
    metadata = _metadata(index_page, request, ordered.count())

    def chunks():
        yield '{"metadata": ' + encode_json(metadata) + ', "entries": ['
        separator = "\n"
        for entry in entries:
            yield separator + encode_json(entry_record(entry, request, url(entry)))
            separator = ",\n"
        yield "\n]}\n"

    return streaming_response(chunks(), "application/json")


def export_geojson(index_page, request):
    """Entries with coordinates, as a FeatureCollection (longitude first, as GeoJSON wants).

    The metadata comes after the features: only then is their number known.
    """
    _ordered, entries = _entries(index_page, request)
    url = entry_urls(index_page, request)

    def chunks():
        yield '{"type": "FeatureCollection", "features": ['
        separator, count = "\n", 0
        for entry in entries:
            if not entry.has_coordinates:
                continue
            properties = entry_record(entry, request, url(entry))
            coordinates = [properties.pop("longitude"), properties.pop("latitude")]
            feature = {
                "type": "Feature",
                "id": entry.pk,
                "geometry": {"type": "Point", "coordinates": coordinates},
                "properties": properties,
            }
            yield separator + encode_json(feature)
            separator, count = ",\n", count + 1
        yield '\n], "metadata": ' + encode_json(_metadata(index_page, request, count)) + "}\n"

    return streaming_response(chunks(), "application/geo+json")
