"""The OpenAPI 3.1 description of the API under /api/v1/, written by hand and tested against the
API's real responses (tests/test_directory_api.py, tests/test_api_contract.py).

The directory describes its own operations here; apps above it add theirs through the Wagtail
hook `register_api_operations` (a function returning `{"paths": ..., "schemas": ...}`), so
one document describes the whole API without the directory knowing who extends it.
"""

from django.conf import settings
from wagtail import hooks

from .choices import Accessibility, Country, OrganisationType, PlaceKind, Relation, Sort
from .geo import MAX_RADIUS_KM, MIN_RADIUS_KM


def enum(choices):
    return {"type": "string", "enum": [value for value, _label in choices]}


def nullable(schema):
    return {"anyOf": [schema, {"type": "null"}]}


STRING = {"type": "string"}
ENTRY = {
    "type": "object",
    "required": [
        "id",
        "translation_key",
        "entry_type",
        "name",
        "summary",
        "url",
        "themes",
        "keywords",
        "city",
        "country",
        "latitude",
        "longitude",
        "website",
        "contact_email",
        "contact_phone",
    ],
    "properties": {
        "id": {"type": "integer", "description": "Page id, also the address of /{id}/."},
        "translation_key": {
            "type": "string",
            "format": "uuid",
            "description": "Shared by the language versions of one entry.",
        },
        "entry_type": {"type": "string", "enum": ["organisation", "place"]},
        "name": STRING,
        "summary": STRING,
        "url": {"type": "string", "format": "uri"},
        "organisation_type": {"anyOf": [enum(OrganisationType.choices), {"const": ""}]},
        "relation": {"anyOf": [enum(Relation.choices), {"const": ""}]},
        "kind": {"anyOf": [enum(PlaceKind.choices), {"const": ""}]},
        "themes": {"type": "array", "items": STRING, "description": "Theme slugs."},
        "keywords": {"type": "array", "items": STRING},
        "street_address": STRING,
        "postcode": STRING,
        "city": STRING,
        "country": {"anyOf": [enum(Country.choices), {"const": ""}]},
        "latitude": nullable({"type": "number", "minimum": -90, "maximum": 90}),
        "longitude": nullable({"type": "number", "minimum": -180, "maximum": 180}),
        "website": STRING,
        "year": nullable({"type": "integer"}),
        **{choice.value: nullable({"type": "boolean"}) for choice in Accessibility},
        "contact_email": {
            "type": "string",
            "description": "Empty unless the organisation agreed to publish it.",
        },
        "contact_phone": {
            "type": "string",
            "description": "Empty unless the organisation agreed to publish it.",
        },
        "last_published_at": nullable({"type": "string", "format": "date-time"}),
        "distance_km": {
            "type": "number",
            "description": "Distance from `near`, only when `near` is given.",
        },
    },
}
LICENCE_SCHEMA = {
    "type": "object",
    "required": ["name", "url"],
    "properties": {"name": STRING, "url": {"type": "string", "format": "uri"}},
}


def page_schema(item):
    """A page of results of the schema named `item`, with the paging fields around them."""
    return {
        "type": "object",
        "required": ["count", "page", "page_size", "next", "previous", "language", "results"],
        "properties": {
            "count": {"type": "integer", "minimum": 0},
            "page": {"type": "integer", "minimum": 1},
            "page_size": {"type": "integer", "minimum": 1, "maximum": 100},
            "next": nullable({"type": "string", "format": "uri"}),
            "previous": nullable({"type": "string", "format": "uri"}),
            "language": STRING,
            "licence": {"$ref": "#/components/schemas/Licence"},
            "warnings": {
                "type": "array",
                "items": STRING,
                "description": "Parameters that were ignored, and why.",
            },
            "results": {"type": "array", "items": {"$ref": f"#/components/schemas/{item}"}},
        },
    }


PAGE = page_schema("Entry")
ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": STRING,
        "parameter": {"type": "string", "description": "The parameter that was refused."},
        "allowed": {"type": "array", "items": STRING, "description": "Its allowed values."},
    },
}


def query_parameter(name, description, schema=None):
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or STRING,
    }


LANG = query_parameter(
    "lang",
    "Language of the entries (default: the source language, fr).",
    {"type": "string", "enum": [code for code, _name in settings.LANGUAGES], "default": "fr"},
)
COMMON_FILTERS = [
    LANG,
    query_parameter("q", "Words to search for (accents and case do not matter)."),
    query_parameter("theme", "A theme slug."),
    query_parameter("city", "A city name (exact, case-insensitive)."),
    query_parameter("country", "An ISO 3166-1 alpha-2 code.", enum(Country.choices)),
    query_parameter(
        "near",
        "`latitude,longitude` or a city or postcode of the directory; results within `radius` "
        "and sorted by distance.",
    ),
    query_parameter(
        "radius",
        f"Kilometres around `near` (default 25, from {MIN_RADIUS_KM:g} to {MAX_RADIUS_KM:g}); "
        "a value that is not a number or out of range is corrected, with a warning.",
    ),
    query_parameter("sort", "Order of the results.", enum(Sort.choices)),
    query_parameter(
        "page", "Page number, from 1.", {"type": "integer", "minimum": 1, "default": 1}
    ),
    query_parameter(
        "page_size",
        "Entries per page (at most 100: a larger value gives 100).",
        {"type": "integer", "minimum": 1, "default": 20},
    ),
]
ORGANISATION_PARAMETERS = [
    *COMMON_FILTERS,
    query_parameter("type", "Type of organisation.", enum(OrganisationType.choices)),
    query_parameter("relation", "Relation to the network.", enum(Relation.choices)),
]
PLACE_PARAMETERS = [
    *COMMON_FILTERS,
    query_parameter("kind", "Kind of place.", enum(PlaceKind.choices)),
    query_parameter("access", "An accessibility feature.", enum(Accessibility.choices)),
]


def responses(schema_name):
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    return {
        "200": {
            "description": "OK (cacheable for 5 minutes; ETag and If-None-Match supported).",
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{schema_name}"}}
            },
        },
        "304": {"description": "Not modified since the ETag given in If-None-Match."},
        "405": {"description": "Only GET and HEAD: the Allow header lists them.", **error},
        "400": {
            "description": "A parameter is malformed or not one of its allowed values.",
            **error,
        },
        "404": {"description": "Nothing there in this language, or page out of range.", **error},
        "429": {"description": "Too many requests: retry after the Retry-After seconds.", **error},
    }


def openapi_document(request):
    document = {
        "openapi": "3.1.0",
        "info": {
            "title": "Les Halles Civiques open-data API",
            "version": "1.0.0",
            "description": (
                "Read-only access to the directory's member organisations and inspiring "
                "places, and to the programme's events. Only published content of the "
                "requested language; contact details "
                "only when the organisation agreed to publish them. Data under the licence "
                f"{settings.PORTAL_DATA_LICENCE['name']}."
            ),
            "license": dict(settings.PORTAL_DATA_LICENCE),
        },
        "servers": [{"url": request.build_absolute_uri("/api/v1")}],
        "paths": {
            "/directory/organisations/": {
                "get": {
                    "operationId": "listOrganisations",
                    "summary": "Organisations, filtered and paginated",
                    "parameters": ORGANISATION_PARAMETERS,
                    "responses": responses("EntryPage"),
                }
            },
            "/directory/places/": {
                "get": {
                    "operationId": "listPlaces",
                    "summary": "Inspiring places, filtered and paginated",
                    "parameters": PLACE_PARAMETERS,
                    "responses": responses("EntryPage"),
                }
            },
            "/directory/{id}/": {
                "get": {
                    "operationId": "getEntry",
                    "summary": "One organisation or place",
                    "parameters": [
                        {
                            "name": "id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "integer", "minimum": 1},
                        },
                        LANG,
                    ],
                    "responses": responses("EntryDetail"),
                }
            },
        },
        "components": {
            "schemas": {
                "Entry": ENTRY,
                "EntryDetail": {
                    "allOf": [
                        {"$ref": "#/components/schemas/Entry"},
                        {
                            "type": "object",
                            "required": ["language", "licence"],
                            "properties": {
                                "language": STRING,
                                "licence": {"$ref": "#/components/schemas/Licence"},
                            },
                        },
                    ]
                },
                "EntryPage": PAGE,
                "Licence": LICENCE_SCHEMA,
                "Error": ERROR,
            }
        },
    }
    for operations in hooks.get_hooks("register_api_operations"):
        section = operations()
        document["paths"].update(section["paths"])
        document["components"]["schemas"].update(section["schemas"])
    return document
