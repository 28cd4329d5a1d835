from django import template
from wagtail.models import Page

from languages.i18n import language_links as build_language_links
from languages.i18n import x_default_link

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page (or its nearest translated ancestor) in every language."""
    page = context.get("page")
    return build_language_links(context["request"], page if isinstance(page, Page) else None)


@register.simple_tag
def x_default(links):
    """The language link that hreflang="x-default" points at (see languages.i18n)."""
    return x_default_link(links)
