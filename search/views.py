"""The site search page's routes: results, suggestions for the header box, OpenSearch."""

import datetime as dt
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from directory.models import OrganisationPage, PlacePage
from programme.models import EventPage, FestivalPage

from .highlight import highlight
from .models import SearchPage, SearchQueryLog
from .query import autocomplete, prepare, search_pages

PER_PAGE = 10
MAX_QUERY_LENGTH = 200
SUGGESTIONS = 8

# What the type filter offers; "pages" is everything else (content pages, indexes...).
TYPES = [
    ("organisations", gettext_lazy("Organisations"), (OrganisationPage,)),
    ("places", gettext_lazy("Places"), (PlacePage,)),
    ("events", gettext_lazy("Events"), (EventPage, FestivalPage)),
    ("pages", gettext_lazy("Pages"), ()),
]


class SiteSearchForm(forms.Form):
    q = forms.CharField(label=gettext_lazy("Search the site"), required=False)
    type = forms.ChoiceField(
        label=gettext_lazy("Show"),
        choices=[("", gettext_lazy("Everything")), *[(key, label) for key, label, _m in TYPES]],
        required=False,
    )

    def clean_q(self):
        return " ".join(self.cleaned_data["q"].split())[:MAX_QUERY_LENGTH]


def searchable_pages(locale):
    """Live, public pages of a language, the search page itself excepted."""
    return Page.objects.live().public().filter(locale=locale, depth__gt=1).not_type(SearchPage)


def _type_of(content_type_id, type_ids):
    for key, ids in type_ids.items():
        if content_type_id in ids:
            return key
    return "pages"


def _past_event_ids(pages):
    """Ids of events and festivals among `pages` that have no date left to come."""
    now = timezone.now()
    ids = [page.pk for page in pages]
    past = set()
    for event in EventPage.objects.filter(pk__in=ids):
        if event.is_recurring:
            if not event.starts_between(now, now + dt.timedelta(days=400)):
                past.add(event.pk)
        elif event.end <= now:
            past.add(event.pk)
    today = timezone.localdate()
    past.update(
        FestivalPage.objects.filter(pk__in=ids, end_date__lt=today).values_list("pk", flat=True)
    )
    return past


def _summary(page):
    for name in ("summary", "introduction", "search_description"):
        value = getattr(page, name, "")
        if value:
            return str(value)
    for name in ("description", "lessons"):
        value = getattr(page, name, "")
        if value:
            return strip_tags(str(value))
    return ""


def _promotions(query, locale):
    if not query:
        return []
    promotions = SearchPromotion.objects.filter(
        query__query_string=normalise_query_string(query)
    ).select_related("page")
    return [
        promotion
        for promotion in promotions.order_by("sort_order")
        if promotion.page_id is None
        or (promotion.page.locale_id == locale.pk and promotion.page.live)
    ]


def search_results(search_page, request):
    from django.contrib.contenttypes.models import ContentType

    form = SiteSearchForm(request.GET)
    form.is_valid()  # an invalid type is ignored; the query is always usable
    query = form.cleaned_data.get("q", "")
    selected_type = form.cleaned_data.get("type", "")
    language = search_page.locale.language_code
    hits = search_pages(searchable_pages(search_page.locale), query, language)

    type_ids = {
        key: {ContentType.objects.get_for_model(model).pk for model in models}
        for key, _label, models in TYPES
        if models
    }
    past = _past_event_ids(hits.pages) if hits.pages else set()
    # Upcoming events (and everything that is not an event) before past events.
    ranked = sorted(hits.pages, key=lambda page: page.pk in past)
    counts = {key: 0 for key, _label, _models in TYPES}
    for page in ranked:
        counts[_type_of(page.content_type_id, type_ids)] += 1
    if selected_type:
        ranked = [p for p in ranked if _type_of(p.content_type_id, type_ids) == selected_type]

    paginator = Paginator(ranked, PER_PAGE)
    # Non-numbers give the first page, numbers past the end the last: never an error.
    page_obj = paginator.get_page(request.GET.get("page"))
    ids = [page.pk for page in page_obj.object_list]
    specific = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    _words, stems, _query = prepare(query, language)
    results = []
    for pk in ids:
        page = specific.get(pk)
        if page is None:
            continue
        key = _type_of(page.content_type_id, type_ids)
        results.append(
            {
                "page": page,
                "url": page.get_url(request),
                "type": dict((k, label) for k, label, _m in TYPES)[key],
                "past": pk in past,
                "title": highlight(page.title, stems, language, length=None),
                "excerpt": highlight(_summary(page), stems, language),
            }
        )

    if query and request.GET.get("page") in (None, "", "1"):
        SearchQueryLog.record(query, language, found=len(hits.pages))

    base = {"q": query} if query else {}
    type_links = [
        {
            "key": key,
            "label": label,
            "count": counts[key],
            "selected": key == selected_type,
            "url": "?" + urlencode({**base, "type": key}),
        }
        for key, label, _models in TYPES
    ]
    params = {**base, **({"type": selected_type} if selected_type else {})}
    context = {
        "form": form,
        "query": query,
        "hits": hits,
        "results": results,
        "total": len(ranked),
        "page_obj": page_obj,
        "paginator": paginator,
        "type_links": type_links,
        "all_types_url": "?" + urlencode(base),
        "selected_type": selected_type,
        "page_query_prefix": "?" + (urlencode(params) + "&" if params else ""),
        "promotions": _promotions(query, search_page.locale),
        "suggest_url": search_page.get_url(request) + search_page.reverse_subpage("suggest"),
    }
    if page_obj.number > 1:
        context["page_title_suffix"] = _("page %(number)s") % {"number": page_obj.number}
    return search_page.render(request, context_overrides=context)


def suggest(search_page, request):
    """Up to eight pages of any type whose name starts like the typed words, as JSON."""
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    language = search_page.locale.language_code
    hits = autocomplete(searchable_pages(search_page.locale), query, language, SUGGESTIONS)
    specific = {page.pk: page for page in Page.objects.filter(pk__in=hits.ids).specific()}
    results = []
    for pk in hits.ids:
        page = specific.get(pk)
        if page is not None:
            results.append(
                {
                    "title": page.title,
                    "url": page.get_url(request),
                    "type": str(page.specific_class._meta.verbose_name),
                }
            )
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
