from django import template
from wagtail.models import Page

from languages.head import head_links as build_head_links
from languages.i18n import language_links as build_language_links

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
