from django import template
from django.utils import translation
from wagtail.models import Locale, Site

from pagecache.fragments import cached_fragment
from search.models import SearchPage

register = template.Library()


def _search_links(request):
    page = SearchPage.objects.live().filter(locale=Locale.get_active()).first()
    if page is None:
        return None
    url = page.get_url(request)
    return {
        "url": url,
        "suggest_url": url + page.reverse_subpage("suggest"),
        "opensearch_url": url + page.reverse_subpage("opensearch"),
        "title": page.title,
    }


@register.simple_tag(takes_context=True)
def site_search(context):
    """The active language's search page addresses (None when the site has no search page),
    kept with the other parts every page shows, under the content version."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_site_search"):
        site = Site.find_for_request(request)
        request._site_search = cached_fragment(
            request,
            "site-search",
            [getattr(site, "pk", None), translation.get_language()],
            lambda: _search_links(request),
        )
    return request._site_search
