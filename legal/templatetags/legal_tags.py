from django import template
from django.utils.translation import get_language
from wagtail.models import Site

from pagecache.fragments import cached_fragment

from ..models import LegalPagesSettings

register = template.Library()


@register.inclusion_tag("legal/footer_links.html", takes_context=True)
def legal_links(context):
    """The footer's links to the legal pages, in the reader's language.

    A fragment like the menu and footer: cached per site and language until content changes
    (saving the settings or publishing a page), so each page view costs no query for them.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    language = get_language()
    if site is None:
        return {"links": [], "language": language}

    def build():
        settings = LegalPagesSettings.for_site(site)
        return [
            (str(label), page.get_url(request), page.locale.language_code)
            for label, page in settings.footer_links()
        ]

    links = cached_fragment(request, "legal-footer", [site.pk, language], build)
    return {"links": links, "language": language}
