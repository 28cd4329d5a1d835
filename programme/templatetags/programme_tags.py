from django import template
from wagtail.models import Page

from programme.events import EventPage
from programme.queries import upcoming_at

register = template.Library()

UPCOMING_LIMIT = 6


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
