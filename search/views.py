"""The site search page's routes: results, suggestions for the header box, OpenSearch.

Everything is read from the search read model (`search.query`): the results' names,
summaries and kinds come from it; only the ten pages shown are loaded, for their addresses.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from .documents import kinds
from .highlight import highlight
from .models import IndexedPage, SearchQueryLog
from .query import KIND, RELEVANCE, Search, autocomplete

PER_PAGE = 10
MAX_QUERY_LENGTH = 200
SUGGESTIONS = 8
# The type filter's values before kinds were declared by the page types.
LEGACY_TYPES = {
    "organisations": "organisation",
    "places": "place",
    "events": "event",
    "pages": "page",
}


@dataclass(frozen=True)
class ResultPage:
    """The page a result is about, as the index holds it (the page itself is not loaded)."""

    pk: int
    title: str
    url: str


class SiteSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search the site"), required=False)

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]


def selected_kinds(request, labels):
    """The valid `type` values of the request (several allowed), as kinds, in label order."""
    wanted = {LEGACY_TYPES.get(value, value) for value in request.GET.getlist("type")[:20]}
    return [kind for kind in labels if kind in wanted]


def _promotions(query, locale_id):
    if not query:
        return []
    promotions = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query)
    ).select_related("page")
    return [
        promotion
        for promotion in promotions.order_by("sort_order")
        if promotion.page_id is None
        or (promotion.page.locale_id == locale_id and promotion.page.live)
    ]


def page_url(request, url_path):
    """A page's address from its tree address (`IndexedPage.url_path`), as Wagtail builds it,
    without loading the page."""
    return Page(url_path=url_path).get_url(request)


def _results(search, ids, request, labels):
    """What each result card shows, all read from the index's rows."""
    rows = {row.pk: row for row in IndexedPage.objects.filter(page_id__in=ids)}
    terms = search.plan.terms
    now = timezone.now()
    results = []
    for pk in ids:
        row = rows.get(pk)
        if row is None:
            continue
        url = page_url(request, row.url_path)
        results.append(
            {
                "page": ResultPage(pk=pk, title=row.title, url=url),
                "url": url,
                "type": labels.get(row.kind, row.kind),
                "past": row.ends_at is not None and row.ends_at < now,
                "title": highlight(row.title, terms, search.language, length=None),
                "excerpt": highlight(row.summary, terms, search.language),
            }
        )
    return results


def _type_links(query, selected, counts, labels):
    base = {"q": query} if query else {}
    links = []
    for kind, label in labels.items():
        toggled = [k for k in selected if k != kind] if kind in selected else [*selected, kind]
        links.append(
            {
                "key": kind,
                "label": label,
                "count": counts.get(kind, 0),
                "selected": kind in selected,
                "url": "?" + urlencode({**base, "type": toggled}, doseq=True),
            }
        )
    return links


def search_results(search_page, request):
    form = SiteSearchForm(request.GET)
    form.is_valid()  # the query is always usable
    query = form.cleaned_data.get("q", "")
    labels = kinds()
    selected = selected_kinds(request, labels)
    search = Search(search_page.locale_id, query, filters={KIND: selected})
    total, counts, results, page_obj, paginator = 0, {}, [], None, None
    if search.has_text:
        search.expect_page(RELEVANCE, request.GET.get("page"), PER_PAGE, upcoming_first=True)
        counts = search.facet_counts([KIND])[KIND]
        paginator = Paginator(search.ordered(RELEVANCE, upcoming_first=True), PER_PAGE)
        # Non-numbers give the first page, numbers past the end the last: never an error.
        page_obj = paginator.get_page(request.GET.get("page"))
        total = paginator.count
        results = _results(search, list(page_obj.object_list), request, labels)
        if request.GET.get("page") in (None, "", "1"):
            SearchQueryLog.record(query, search.language, found=total)
    base = {"q": query} if query else {}
    params = {**base, **({"type": selected} if selected else {})}
    suggestion = search.suggestion() if query and not total else None
    context = {
        "form": form,
        "query": query,
        "search": search,
        "results": results,
        "total": total,
        "page_obj": page_obj,
        "paginator": paginator,
        "type_links": _type_links(query, selected, counts, labels),
        "all_types_url": "?" + urlencode(base),
        "selected_type": selected,
        "page_query_prefix": "?" + (urlencode(params, doseq=True) + "&" if params else ""),
        "promotions": _promotions(query, search_page.locale_id),
        "suggest_url": search_page.get_url(request) + search_page.reverse_subpage("suggest"),
        "suggestion": suggestion,
        "suggestion_url": "?" + urlencode({"q": suggestion}) if suggestion else None,
    }
    if page_obj is not None and page_obj.number > 1:
        context["page_title_suffix"] = _("page %(number)s") % {"number": page_obj.number}
    return search_page.render(request, context_overrides=context)


def suggest(search_page, request):
    """Up to eight pages of any type with words of their name starting like the typed ones."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    names = autocomplete(search_page.locale_id, query, limit=SUGGESTIONS)
    labels = kinds()
    results = [
        {
            "title": name.title,
            "url": page_url(request, name.url_path),
            "type": str(labels.get(name.kind, name.kind)),
        }
        for name in names
    ]
    return JsonResponse({"query": query, "results": results})


def opensearch_description(search_page, request):
    """The OpenSearch description that lets browsers add the portal as a search engine."""
    base = request.build_absolute_uri(search_page.get_url(request))
    xml = render_to_string(
        "search/opensearch.xml",
        {
            "page": search_page,
            "search_url": base + "?q={searchTerms}",
            "self_url": request.build_absolute_uri(),
            "language": search_page.locale.language_code,
            "icon_url": request.build_absolute_uri("/static/img/favicon.svg"),
        },
        request=request,
    )
    return HttpResponse(xml, content_type="application/opensearchdescription+xml; charset=utf-8")
