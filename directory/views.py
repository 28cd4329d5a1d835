"""Request handling for the directory index's routes (the page itself lives in models)."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from search.query import autocomplete as complete_names
from security.headers import allow_partner_framing

from .choices import View
from .filters import MAX_QUERY_LENGTH, DirectorySearch

PER_PAGE = 20
AUTOCOMPLETE_LIMIT = 8
EXPORT_FORMATS = [
    ("export_csv", "text/csv", "CSV"),
    ("export_json", "application/json", "JSON"),
    ("export_geojson", "application/geo+json", "GeoJSON"),
]


def listing_context(index_page, request):
    """What the directory page and its embeddable version show for the request's filters."""
    search = DirectorySearch(index_page, request.GET)
    ordered = search.ordered()
    ordered.expect_page(request.GET.get("page"), PER_PAGE)  # read with the counts if it can
    facets = search.facets()  # first: it counts the matching entries for the paginator
    paginator = Paginator(ordered, PER_PAGE)
    # Non-numbers give the first page, numbers past the end the last: never an error.
    page_obj = paginator.get_page(request.GET.get("page"))
    base_url = index_page.get_url(request)
    entries = search.cards(list(page_obj.object_list), base_url)
    query_string = search.url_with()
    # Exports and the map's data hold the same entries whatever the view.
    data_query = search.url_with(view=None).rstrip("?")
    context = {
        "search": search,
        "form": search.form,
        "entries": entries,
        "page_obj": page_obj,
        "paginator": paginator,
        "facets": facets,
        "active_filters": search.active_filters(),
        "suggestion": search.suggestion() if not paginator.count else None,
        "query_string": query_string,
        "page_query_prefix": (query_string + "&") if query_string != "?" else "?",
        "exports": [
            {
                "url": base_url + index_page.reverse_subpage(route) + data_query,
                "type": mime,
                "label": label,
            }
            for route, mime, label in EXPORT_FORMATS
        ],
        "autocomplete_url": base_url + index_page.reverse_subpage("autocomplete"),
        "listing_url": base_url,
        "views": [
            {
                "value": value,
                "label": label,
                "url": search.url_with(view=None if value == View.LIST else value),
                "current": search.view == value,
            }
            for value, label in View.choices
        ],
        "map": None,
    }
    if search.view == View.MAP:
        context["map"] = {
            "geojson_url": base_url + index_page.reverse_subpage("export_geojson") + data_query,
            "tile_url": settings.PORTAL_MAP_TILE_URL,
            "attribution": settings.PORTAL_MAP_TILE_ATTRIBUTION,
            "origin": search.origin,
            "radius": search.radius,
        }
    if page_obj.number > 1:
        context["page_title_suffix"] = _("page %(number)s") % {"number": page_obj.number}
    return context


def directory_listing(index_page, request):
    return index_page.render(request, context_overrides=listing_context(index_page, request))


def directory_embed(index_page, request):
    """The listing (or map) in a minimal layout that partners' sites may frame.

    Only this response leaves the site's frame policy: X-Frame-Options is dropped and the
    Content-Security-Policy names the allowed framing origins (PORTAL_EMBED_FRAME_ANCESTORS).
    """
    context = index_page.get_context(request)
    context.update(listing_context(index_page, request))
    context["embed"] = True
    context["listing_url"] = index_page.get_url(request) + index_page.reverse_subpage("embed")
    context["page_url"] = index_page.get_url(request) + context["query_string"].rstrip("?")
    return allow_partner_framing(
        TemplateResponse(request, "directory/directory_embed.html", context)
    )


def autocomplete(index_page, request):
    """Up to eight entry names with words starting like the typed ones, for the search box."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    names = complete_names(index_page.locale_id, query, under=index_page, limit=AUTOCOMPLETE_LIMIT)
    base_url, prefix = index_page.get_url(request), len(index_page.url_path)
    suggestions = [
        {"title": name.title, "url": base_url + name.url_path[prefix:]} for name in names
    ]
    return JsonResponse({"query": query, "results": suggestions})
