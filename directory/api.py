"""Read-only JSON API of the directory (described in `openapi.py`, served at /api/v1/).

It reuses the directory page's filters and the exports' records, so the API, the exports and
the page always agree: only live, public entries of the requested language, contact details
only when the organisation opted in. Responses are cacheable for a few minutes and carry an
ETag (Django's conditional GET); a generous per-client rate limit (django-ratelimit) answers
429 rather than letting a crawler hog the site.
"""

import functools
import json
import re

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import conditional_page
from django_ratelimit.core import get_usage
from wagtail.images import get_image_model

from .cards import CARD_RENDITION
from .choices import EntryType
from .entries import OrganisationPage, PlacePage
from .exports import data_licence, entry_record
from .filters import DirectorySearch
from .index_page import DirectoryIndexPage
from .openapi import ORGANISATION_PARAMETERS, PLACE_PARAMETERS, openapi_document

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
CACHE_SECONDS = 300
MAX_ID = 2**63 - 1  # larger ids cannot be stored, and databases refuse to compare with them
RATE_LIMIT_GROUP = "directory-api"
ALLOWED_METHODS = ("GET", "HEAD")
INTEGER = re.compile(r"[+-]?\d+")


def _json(data, status=200):
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    response = HttpResponse(body, status=status, content_type="application/json")
    # Errors are not cached (nor given an ETag: conditional_page skips "no-store" responses).
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}" if status == 200 else "no-store"
    response["Access-Control-Allow-Origin"] = "*"
    response.keep_path = True  # an API 404 is not a page to look for under /<lang>/
    return response


def _error(status, message, **details):
    return _json({"error": str(message), **details}, status=status)


def _method_not_allowed():
    response = _error(405, f"Only {' and '.join(ALLOWED_METHODS)}: this API is read-only.")
    response["Allow"] = ", ".join(ALLOWED_METHODS)
    return response


def read_only(view):
    """GET and HEAD; any other method a JSON 405 with Allow. CSRF does not apply: nothing a
    request can change (without the exemption, a POST or DELETE was refused as a forged 403)."""

    @csrf_exempt
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ALLOWED_METHODS:
            return _method_not_allowed()
        return view(request, *args, **kwargs)

    return wrapped


def _acceptable(value, schema):
    """Whether `value` satisfies the OpenAPI schema of a query parameter."""
    if "enum" in schema:
        return value in schema["enum"]
    if schema.get("type") == "integer":
        if not INTEGER.fullmatch(value):
            return False
        number = int(value)
        return number >= schema.get("minimum", number) and number <= schema.get("maximum", number)
    return True


def refused_parameter(request, parameters):
    """A 400 naming the first query parameter its published schema refuses, or None.

    The check reads the very parameters the OpenAPI document publishes, so the contract and
    the code cannot drift apart.
    """
    for parameter in parameters:
        name, schema = parameter["name"], parameter["schema"]
        for value in request.GET.getlist(name):
            if _acceptable(value, schema):
                continue
            details = {"parameter": name}
            if "enum" in schema:
                details["allowed"] = schema["enum"]
                message = f"{name} must be one of: {', '.join(schema['enum'])}."
            else:
                message = f"{name} must be an integer of at least {schema.get('minimum', 1)}."
            return _error(400, message, **details)
    return None


def _rate(group, request):
    """PORTAL_API_RATE_LIMIT requests a minute per client address; None (0) turns it off."""
    limit = settings.PORTAL_API_RATE_LIMIT
    return f"{limit}/m" if limit else None


def _too_many_requests(request):
    """A 429 with Retry-After when this client is over the limit (django-ratelimit would 403)."""
    usage = get_usage(request, group=RATE_LIMIT_GROUP, key="ip", rate=_rate, increment=True)
    if usage is None or not usage["should_limit"]:
        return None
    response = _error(429, "Too many requests: wait a minute.")
    response["Retry-After"] = str(max(1, usage["time_left"]))
    return response


def _language(request):
    code = request.GET.get("lang") or settings.LANGUAGE_CODE
    return code if code in dict(settings.LANGUAGES) else None


def api_view(view):
    """GET only, rate-limited, conditional (ETag, 304), with `lang` read and activated."""

    @read_only
    @conditional_page
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        refused = _too_many_requests(request)
        if refused is not None:
            return refused
        language = _language(request)
        if language is None:
            codes = [code for code, _name in settings.LANGUAGES]
            return _error(
                400, f"lang must be one of: {', '.join(codes)}.", parameter="lang", allowed=codes
            )
        with translation.override(language):
            return view(request, language, *args, **kwargs)

    return wrapped


def _index(language):
    return (
        DirectoryIndexPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )


def load_entries(search, ids):
    """The specific pages for `ids` of a DirectorySearch, in that order, with what the API's
    records need (the HTML listing reads cards from the search index instead)."""
    images = get_image_model().objects.prefetch_renditions(CARD_RENDITION)
    related = ("themes", "tagged_keywords__tag")
    organisations = OrganisationPage.objects.filter(pk__in=ids).prefetch_related(
        Prefetch("logo", queryset=images), *related
    )
    places = PlacePage.objects.filter(pk__in=ids).prefetch_related(
        Prefetch("image", queryset=images), *related
    )
    by_pk = {page.pk: page for page in [*organisations, *places]}
    entries = [by_pk[pk] for pk in ids if pk in by_pk]
    for entry in entries:
        entry.display_themes = [
            search.themes_by_key.get(str(theme.translation_key), theme)
            for theme in entry.themes.all()
        ]
        entry.keyword_names = sorted(item.tag.name for item in entry.tagged_keywords.all())
        entry.distance_km = search.distances.get(entry.pk) if search.distances else None
    return entries


def _positive_int(value, default):
    if value in (None, ""):
        return default
    if not str(value).isdigit() or int(value) < 1:
        raise ValueError(value)
    return int(value)


def _listing(request, language, entry_type, parameters):
    refused = refused_parameter(request, parameters)
    if refused is not None:
        return refused
    index = _index(language)
    if index is None:
        return _error(404, "No directory in this language.")
    try:
        page = _positive_int(request.GET.get("page"), 1)
        page_size = min(
            _positive_int(request.GET.get("page_size"), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE
        )
    except ValueError:
        return _error(400, "page and page_size must be positive integers.")
    params = request.GET.copy()
    params["entry"] = entry_type
    for name in ("view", "lang", "page", "page_size"):
        params.pop(name, None)
    search = DirectorySearch(index, params)
    ids = search.ordered()
    count = ids.count()
    last_page = max(1, -(-count // page_size))
    if page > last_page:
        return _error(404, "Page out of range.")
    entries = load_entries(search, ids[(page - 1) * page_size : page * page_size])
    results = []
    for entry in entries:
        record = entry_record(entry, request)
        if entry.distance_km is not None:
            record["distance_km"] = round(entry.distance_km, 2)
        results.append(record)

    def page_url(number):
        query = request.GET.copy()
        query["page"] = str(number)
        return request.build_absolute_uri(request.path + "?" + query.urlencode())

    data = {
        "count": count,
        "page": page,
        "page_size": page_size,
        "next": page_url(page + 1) if page < last_page else None,
        "previous": page_url(page - 1) if page > 1 else None,
        "language": language,
        "licence": data_licence(),
        "warnings": [str(message) for message in search.messages],
        "results": results,
    }
    return _json(data)


@api_view
def organisations(request, language):
    """Organisations of the directory with the directory page's filters."""
    return _listing(request, language, EntryType.ORGANISATION, ORGANISATION_PARAMETERS)


@api_view
def places(request, language):
    """Inspiring places of the directory with the directory page's filters."""
    return _listing(request, language, EntryType.PLACE, PLACE_PARAMETERS)


@api_view
def entry_detail(request, language, pk):
    """One organisation or place, if it is live, public and in the requested language."""
    entry = None
    if pk > MAX_ID:
        return _error(404, "No such entry in this language.")
    for model in (OrganisationPage, PlacePage):
        entry = (
            model.objects.live()
            .public()
            .filter(pk=pk, locale__language_code=language)
            .select_related("locale")
            .first()
        )
        if entry is not None:
            break
    index = entry.get_parent().specific if entry is not None else None
    if not isinstance(index, DirectoryIndexPage) or not index.live:
        return _error(404, "No such entry in this language.")
    loaded = load_entries(DirectorySearch(index, {}), [entry.pk])
    return _json(
        {"language": language, "licence": data_licence(), **entry_record(loaded[0], request)}
    )


@read_only
@conditional_page
def openapi(request):
    return _json(openapi_document(request))


@read_only
def not_found(request, rest=""):
    """Anything else under /api/v1/: a JSON 404, never the site's HTML page or a redirect."""
    return _error(404, "No such address in this API: see /api/v1/openapi.json.")
