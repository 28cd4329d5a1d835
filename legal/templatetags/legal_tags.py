from django import template
from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Site

from pagecache.version import content_version

from ..models import LegalPagesSettings

register = template.Library()


@register.inclusion_tag("legal/footer_links.html", takes_context=True)
def legal_links(context):
    """The footer's links to the legal pages, in the reader's language.

    Cached per site and language until content changes (saving the settings or publishing a
    page moves the content version on), so each page view costs no query for them.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return {"links": [], "language": get_language()}
    key = f"legal-footer:{content_version()}:{site.pk}:{get_language()}"
    links = cache.get(key)
    if links is None:
        settings = LegalPagesSettings.for_site(site)
        links = [
            (str(label), page.get_url(request), page.locale.language_code)
            for label, page in settings.footer_links()
        ]
        cache.set(key, links, None)
    return {"links": links, "language": get_language()}
