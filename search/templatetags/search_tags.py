from django import template
from wagtail.models import Locale

from search.models import SearchPage

register = template.Library()


@register.simple_tag(takes_context=True)
def site_search(context):
    """The active language's search page addresses (None when the site has no search page)."""
    request = context.get("request")
    if request is None:
        return None
    if not hasattr(request, "_site_search"):
        page = SearchPage.objects.live().filter(locale=Locale.get_active()).first()
        links = None
        if page is not None:
            url = page.get_url(request)
            links = {
                "url": url,
                "suggest_url": url + page.reverse_subpage("suggest"),
                "opensearch_url": url + page.reverse_subpage("opensearch"),
                "title": page.title,
            }
        request._site_search = links
    return request._site_search
