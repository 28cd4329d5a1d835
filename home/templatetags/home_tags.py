from django import template
from wagtail.models import Page

from home.i18n import language_links as build_language_links
from home.i18n import x_default_link
from home.models import MainMenu, SiteFooter

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page (or its nearest translated ancestor) in every language."""
    page = context.get("page")
    return build_language_links(context["request"], page if isinstance(page, Page) else None)


@register.simple_tag
def x_default(links):
    """The language link that hreflang="x-default" points at (see home.i18n.x_default_link)."""
    return x_default_link(links)


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    menu = MainMenu.objects.for_active_locale()
    items = []
    if menu is not None:
        current = context.get("page")
        for item in menu.items.select_related("link_page"):
            if item.link_page is not None:
                target = item.link_page.localized
                if not target.live:
                    continue
                url = target.get_url(context.get("request"))
                label = item.label or target.title
                is_current = isinstance(current, Page) and (
                    current.pk == target.pk
                    or (target.depth > 2 and current.path.startswith(target.path))
                )
            else:
                url, label, is_current = item.link_url, item.label or item.link_url, False
            items.append({"url": url, "label": label, "is_current": is_current})
    return {"items": items}


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    return {
        "footer": SiteFooter.objects.for_active_locale(),
        "settings": context.get("settings"),
        "request": context.get("request"),
    }


@register.simple_tag
def page_summary(page):
    """A page's short description for cards, whichever field its type uses for it."""
    for field in ("summary", "introduction", "search_description"):
        value = getattr(page, field, "")
        if value:
            return value
    return ""
