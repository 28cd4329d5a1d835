from django import template
from wagtail.models import Page

from navigation import seo

register = template.Library()


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Description and sharing image of the page being rendered (see navigation.seo)."""
    request = context["request"]
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    site_settings = None
    settings = context.get("settings")
    if settings is not None:
        site_settings = settings["navigation"]["SiteSettings"]
    site = context.get("current_site")
    return {
        "title": (page.seo_title or page.title) if page else getattr(site, "site_name", ""),
        "description": seo.description(page),
        "image": seo.share_image(request, page, site_settings),
    }
