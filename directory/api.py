"""Read-only JSON API of the directory (described in `openapi.py`, served at /api/v1/).

It reuses the directory page's filters and the exports' records, so the API, the exports and
the page always agree: only live, public entries of the requested language, contact details
only when the organisation opted in. The rules every operation keeps (errors, caching, rate
limit, pagination) are in `api_contract.py`, shared with the programme's events.
"""

from django.db.models import Prefetch
from django.views.decorators.http import conditional_page
from wagtail.images import get_image_model

from .api_contract import (
    MAX_ID,
    api_view,
    bad_page,
    error_response,
    json_response,
    out_of_range,
    page_envelope,
    read_only,
    refused_parameter,
    requested_page,
)
from .cards import CARD_RENDITIONS
from .choices import EntryType
from .entries import OrganisationPage, PlacePage
from .exports import data_licence, entry_record
from .filters import DirectorySearch
from .index_page import DirectoryIndexPage
from .openapi import ORGANISATION_PARAMETERS, PLACE_PARAMETERS, openapi_document


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
    images = get_image_model().objects.prefetch_renditions(*CARD_RENDITIONS)
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


def _listing(request, language, entry_type, parameters):
    refused = refused_parameter(request, parameters)
    if refused is not None:
        return refused
    index = _index(language)
    if index is None:
        return error_response(404, "No directory in this language.")
    try:
        page, page_size = requested_page(request)
    except ValueError:
        return bad_page()
    params = request.GET.copy()
    params["entry"] = entry_type
    for name in ("view", "lang", "page", "page_size"):
        params.pop(name, None)
    search = DirectorySearch(index, params)
    ids = search.ordered()
    count = ids.count()
    envelope = page_envelope(request, count, page, page_size, language)
    if envelope is None:
        return out_of_range()
    entries = load_entries(search, ids[(page - 1) * page_size : page * page_size])
    results = []
    for entry in entries:
        record = entry_record(entry, request)
        if entry.distance_km is not None:
            record["distance_km"] = round(entry.distance_km, 2)
        results.append(record)

    data = {
        **envelope,
        "licence": data_licence(),
        "warnings": [str(message) for message in search.messages],
        "results": results,
    }
    return json_response(data)


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
        return error_response(404, "No such entry in this language.")
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
        return error_response(404, "No such entry in this language.")
    loaded = load_entries(DirectorySearch(index, {}), [entry.pk])
    return json_response(
        {"language": language, "licence": data_licence(), **entry_record(loaded[0], request)}
    )


@read_only
@conditional_page
def openapi(request):
    return json_response(openapi_document(request))


@read_only
def not_found(request, rest=""):
    """Anything else under /api/v1/: a JSON 404, never the site's HTML page or a redirect."""
    return error_response(404, "No such address in this API: see /api/v1/openapi.json.")
