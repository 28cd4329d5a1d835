from django import template
from wagtail.models import Page

from languages.head import head_links as build_head_links
from languages.i18n import language_links as build_language_links
from languages.links import localized_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page (or its nearest translated ancestor) in every language."""
    page = context.get("page")
    return build_language_links(context["request"], page if isinstance(page, Page) else None)


@register.simple_tag(takes_context=True)
def head_links(context, links):
    """The canonical link and hreflang alternates of the page's <head> (see languages.head)."""
    return build_head_links(context["request"], links)


@register.simple_tag
def link_targets(links):
    """(link, page in the reader's language or None) for each LinkBlock value of `links`, the
    pages looked up together (see languages.links)."""
    links = list(links)
    pages = iter(localized_pages(link["page"] for link in links if link.get("page")))
    return [(link, next(pages) if link.get("page") else None) for link in links]


@register.filter
def localized(page):
    """`page.localized`, found once per request (see languages.links)."""
    return localized_pages([page])[0] if page else page
