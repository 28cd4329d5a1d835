"""Request handling for the directory index's routes (the page itself lives in models)."""

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from search.query import autocomplete as autocomplete_pages

from .filters import MAX_QUERY_LENGTH, DirectorySearch

PER_PAGE = 20
AUTOCOMPLETE_LIMIT = 8
EXPORT_FORMATS = [
    ("export_csv", "text/csv", "CSV"),
    ("export_json", "application/json", "JSON"),
    ("export_geojson", "application/geo+json", "GeoJSON"),
]


def directory_listing(index_page, request):
    search = DirectorySearch(index_page, request.GET)
    paginator = Paginator(search.ordered_ids(), PER_PAGE)
    # Non-numbers give the first page, numbers past the end the last: never an error.
    page_obj = paginator.get_page(request.GET.get("page"))
    entries = search.load(list(page_obj.object_list))
    query_string = search.url_with()
    base_url = index_page.get_url(request)
    context = {
        "search": search,
        "form": search.form,
        "entries": entries,
        "page_obj": page_obj,
        "paginator": paginator,
        "facets": search.facets(),
        "active_filters": search.active_filters(),
        "query_string": query_string,
        "page_query_prefix": (query_string + "&") if query_string != "?" else "?",
        "exports": [
            {
                "url": base_url + index_page.reverse_subpage(route) + query_string,
                "type": mime,
                "label": label,
            }
            for route, mime, label in EXPORT_FORMATS
        ],
        "autocomplete_url": base_url + index_page.reverse_subpage("autocomplete"),
    }
    if page_obj.number > 1:
        context["page_title_suffix"] = _("page %(number)s") % {"number": page_obj.number}
    return index_page.render(request, context_overrides=context)


def autocomplete(index_page, request):
    """Up to eight entry names starting with the typed letters, for the search box."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    entries = Page.objects.child_of(index_page).live().public()
    hits = autocomplete_pages(
        entries, query, index_page.locale.language_code, limit=AUTOCOMPLETE_LIMIT
    )
    suggestions = [{"title": page.title, "url": page.get_url(request)} for page in hits.pages]
    return JsonResponse({"query": query, "results": suggestions})
