from itertools import groupby

from django import template
from django.template import engines
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Page

from pagecache.fragments import cached_fragment
from programme.events import EventPage
from programme.queries import upcoming_at

register = template.Library()

UPCOMING_LIMIT = 6


def _origin(request):
    """The scheme and host of the request: printed rows show their address in full."""
    return request.build_absolute_uri("/")[:-1] if request is not None else ""


def _rows(template_name, context, **values):
    """A Jinja2 template of programme/jinja2/ (see portal/jinja2.py), drawn inside a Django
    template with its request and the listing's link target (embedded listings open links in
    a new tab)."""
    template = engines["jinja2"].get_template(template_name)
    request = context.get("request")
    values["link_target"] = context.get("link_target")
    values.setdefault("origin", _origin(request))
    html = template.render(values, request=request)
    return mark_safe(html)  # noqa: S308 - Jinja2 escaped every value it drew


@register.simple_tag(takes_context=True)
def programme_filters(context):
    """The listing's filter form."""
    names = ("filter_form", "is_calendar", "month", "clear_url", "page")
    return _rows("programme/filters.html", context, **{name: context.get(name) for name in names})


@register.simple_tag(takes_context=True)
def agenda_days(context, occurrences):
    """The agenda's days, each with its dates. For a page of a listing (an OccurrenceSlice),
    the markup is cached under the content version for those dates of those events: read
    again, with other filters that select the same dates or after another reader, the page
    loads none of its events. A publish anywhere moves the version on."""
    request = context.get("request")
    origin = _origin(request)

    def draw():
        days = [(day, list(items)) for day, items in groupby(occurrences, lambda o: o.day)]
        return _rows("programme/agenda_days.html", context, days=days, origin=origin)

    identity = getattr(occurrences, "identity", None)
    if identity is None:
        return draw()
    key = [
        get_language(),
        timezone.get_current_timezone_name(),
        origin,
        context.get("link_target") or "",
        identity(),
    ]
    return cached_fragment(request, "agenda-days", key, draw)


@register.simple_tag(takes_context=True)
def agenda_items(context, occurrences):
    """Dates from several days, each showing its day."""
    return _rows("programme/agenda_items.html", context, occurrences=occurrences, show_date=True)


@register.filter
def absolute_url(url, request):
    """`url` with the scheme and host of the request, for printed pages."""
    return request.build_absolute_uri(url) if url and request is not None else url


@register.simple_tag(takes_context=True)
def upcoming_events(context, page, limit=UPCOMING_LIMIT):
    """The next occurrences an organisation organises or a room hosts, in the page's language
    (see programme.queries.upcoming_at)."""
    if not isinstance(page, Page):
        return []
    events = EventPage.objects.listed(page.locale)
    return upcoming_at(page, events, context.get("request"), limit)
