"""Read-only JSON API of the directory (described in `openapi.py`, served at /api/v1/).

It reuses the directory page's filters and the exports' records, so the API, the exports and
the page always agree: only live, public entries of the requested language, contact details
only when the organisation opted in. Responses are cacheable for a few minutes and carry an
ETag; a generous per-client rate limit answers 429 rather than letting a crawler hog the site.
"""

import hashlib
import json

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone, translation
from django.views.decorators.http import require_GET

from .choices import EntryType
from .exports import LICENCE, entry_record
from .filters import DirectorySearch
from .models import DirectoryIndexPage, OrganisationPage, PlacePage

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
CACHE_SECONDS = 300
MAX_ID = 2**63 - 1  # larger ids cannot be stored, and databases refuse to compare with them


def _json(request, data, status=200):
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).encode()
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    if status == 200 and etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        response = HttpResponse(body, status=status, content_type="application/json")
    if status == 200:
        response["ETag"] = etag
        response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    else:
        response["Cache-Control"] = "no-store"
    response["Access-Control-Allow-Origin"] = "*"
    response.keep_path = True  # an API 404 is not a page to look for under /<lang>/
    return response


def _error(request, status, message):
    return _json(request, {"error": str(message)}, status=status)


def _rate_limited(request):
    """True when this client made more than PORTAL_API_RATE_LIMIT requests this minute."""
    limit = settings.PORTAL_API_RATE_LIMIT
    if not limit:
        return False
    window = int(timezone.now().timestamp() // 60)
    key = f"directory-api:{request.META.get('REMOTE_ADDR', '')}:{window}"
    cache.add(key, 0, timeout=70)
    try:
        return cache.incr(key) > limit
    except ValueError:  # expired between add and incr
        return False


def _language(request):
    code = request.GET.get("lang") or settings.LANGUAGE_CODE
    return code if code in dict(settings.LANGUAGES) else None


def api_view(view):
    """GET only, with the rate limit, the `lang` parameter and the language activated."""

    @require_GET
    def wrapped(request, *args, **kwargs):
        if _rate_limited(request):
            response = _error(request, 429, "Too many requests: wait a minute.")
            response["Retry-After"] = "60"
            return response
        language = _language(request)
        if language is None:
            codes = ", ".join(code for code, _name in settings.LANGUAGES)
            return _error(request, 400, f"lang must be one of: {codes}.")
        with translation.override(language):
            return view(request, language, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return wrapped


def _index(language):
    return (
        DirectoryIndexPage.objects.live()
        .public()
        .filter(locale__language_code=language)
        .order_by("path")
        .first()
    )


def _positive_int(value, default):
    if value in (None, ""):
        return default
    if not str(value).isdigit() or int(value) < 1:
        raise ValueError(value)
    return int(value)


def _listing(request, language, entry_type):
    index = _index(language)
    if index is None:
        return _error(request, 404, "No directory in this language.")
    try:
        page = _positive_int(request.GET.get("page"), 1)
        page_size = min(
            _positive_int(request.GET.get("page_size"), DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE
        )
    except ValueError:
        return _error(request, 400, "page and page_size must be positive integers.")
    params = request.GET.copy()
    params["entry"] = entry_type
    for name in ("view", "lang", "page", "page_size"):
        params.pop(name, None)
    search = DirectorySearch(index, params)
    ids = search.ordered()
    count = ids.count()
    last_page = max(1, -(-count // page_size))
    if page > last_page:
        return _error(request, 404, "Page out of range.")
    entries = search.load(ids[(page - 1) * page_size : page * page_size])
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
        "licence": LICENCE,
        "warnings": [str(message) for message in search.messages],
        "results": results,
    }
    return _json(request, data)


@api_view
def organisations(request, language):
    """Organisations of the directory with the directory page's filters."""
    return _listing(request, language, EntryType.ORGANISATION)


@api_view
def places(request, language):
    """Inspiring places of the directory with the directory page's filters."""
    return _listing(request, language, EntryType.PLACE)


@api_view
def entry_detail(request, language, pk):
    """One organisation or place, if it is live, public and in the requested language."""
    entry = None
    if pk > MAX_ID:
        return _error(request, 404, "No such entry in this language.")
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
        return _error(request, 404, "No such entry in this language.")
    loaded = DirectorySearch(index, {}).load([entry.pk])
    return _json(
        request, {"language": language, "licence": LICENCE, **entry_record(loaded[0], request)}
    )


@require_GET
def openapi(request):
    from .openapi import openapi_document

    response = _json(request, openapi_document(request))
    return response
