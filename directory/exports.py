"""Open-data exports of the directory (CSV, JSON, GeoJSON), with the page's own filters.

Only live, public entries of the index's language are exported, and contact details only for
organisations that agreed to publish them.
"""

import csv
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone

from .choices import Accessibility
from .filters import DirectorySearch

LICENCE = {
    "name": "Licence Ouverte / Open Licence 2.0 (Etalab)",
    "url": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
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


def _entries(index_page, request):
    search = DirectorySearch(index_page, request.GET)
    return search, search.load(search.ordered_ids())


def entry_record(entry, request):
    """One entry as a flat dictionary of plain values (the CSV row, the JSON object)."""
    is_organisation = entry.entry_type == "organisation"
    contact = entry.public_contact if is_organisation else {}
    record = {
        "id": entry.pk,
        "translation_key": str(entry.translation_key),
        "entry_type": entry.entry_type,
        "name": entry.title,
        "summary": entry.summary,
        "url": entry.get_full_url(request),
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
        "licence": LICENCE,
        "generated_at": timezone.now(),
        "count": count,
    }


def _json_response(data, content_type):
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1),
        content_type=f"{content_type}; charset=utf-8",
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = "|".join(value)
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def export_csv(index_page, request):
    _search, entries = _entries(index_page, request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"directory-{index_page.locale.language_code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    # The licence travels in a header too, since CSV has no room for metadata.
    response["Link"] = f'<{LICENCE["url"]}>; rel="license"'
    writer = csv.writer(response)
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        record = entry_record(entry, request)
        writer.writerow([_csv_cell(record[column]) for column in CSV_COLUMNS])
    return response


def export_json(index_page, request):
    _search, entries = _entries(index_page, request)
    records = [entry_record(entry, request) for entry in entries]
    data = {"metadata": _metadata(index_page, request, len(records)), "entries": records}
    return _json_response(data, "application/json")


def export_geojson(index_page, request):
    """Entries with coordinates, as a FeatureCollection (longitude first, as GeoJSON wants)."""
    _search, entries = _entries(index_page, request)
    features = []
    for entry in entries:
        if not entry.has_coordinates:
            continue
        properties = entry_record(entry, request)
        coordinates = [properties.pop("longitude"), properties.pop("latitude")]
        features.append(
            {
                "type": "Feature",
                "id": entry.pk,
                "geometry": {"type": "Point", "coordinates": coordinates},
                "properties": properties,
            }
        )
    data = {
        "type": "FeatureCollection",
        "metadata": _metadata(index_page, request, len(features)),
        "features": features,
    }
    return _json_response(data, "application/geo+json")
