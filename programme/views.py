"""What the programme and festival pages show: filtered occurrences, paginated, by day."""

from itertools import groupby

from django.core.paginator import Paginator

from .forms import ProgrammeFilterForm
from .queries import events_for_locale, expand, overlapping

PER_PAGE = 30


def filtered_occurrences(request, page):
    """The filter form bound to the request and the occurrences it selects."""
    from .models import FestivalPage

    festival = page if isinstance(page, FestivalPage) else None
    form = ProgrammeFilterForm(request.GET, locale=page.locale, festival=festival)
    form.is_valid()  # invalid fields are shown with their error and otherwise ignored
    after, before, newest_first = form.window()
    events = form.filter(overlapping(events_for_locale(page.locale), after, before))
    occurrences = expand(events, after, before, request, newest_first=newest_first)
    return form, occurrences, (after, before)


def listing_context(request, page):
    form, occurrences, window = filtered_occurrences(request, page)
    page_obj = Paginator(occurrences, PER_PAGE).get_page(request.GET.get("page"))
    days = [(day, list(items)) for day, items in groupby(page_obj.object_list, lambda o: o.day)]
    query = form.querystring()
    suffix = f"?{query}" if query else ""
    base_url = page.get_url(request)
    return {
        "filter_form": form,
        "page_obj": page_obj,
        "days": days,
        "window": window,
        "is_archive": bool(form.value("archive")),
        "filter_query": query,
        "calendar_url": base_url + page.reverse_subpage("calendar") + suffix,
        "atom_url": (base_url + page.reverse_subpage("atom") if hasattr(page, "atom") else ""),
    }
