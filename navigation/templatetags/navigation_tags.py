from django import template
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail.templatetags.wagtailcore_tags import richtext

from navigation.models import MainMenu, SiteFooter
from pagecache.fragments import cached_fragment

register = template.Library()


def _menu_links(request):
    """The menu in the reader's language as plain data: one query for the menu, one for its
    items and one for the pages they lead to in that language."""
    menu = MainMenu.objects.for_active_locale()
    if menu is None:
        return []
    items = list(menu.items.select_related("link_page"))
    keys = [item.link_page.translation_key for item in items if item.link_page is not None]
    localized = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale=Locale.get_active())
    }
    links = []
    for item in items:
        if item.link_page is None:
            links.append({"url": item.link_url, "label": item.label or item.link_url})
            continue
        # Wagtail's `localized`: the translation when it is live, else the page itself.
        target = localized.get(item.link_page.translation_key)
        if target is None or not target.live:
            target = item.link_page
        if not target.live:
            continue
        links.append(
            {
                "url": target.get_url(request),
                "label": item.label or target.title,
                "page_id": target.pk,
                "path": target.path if target.depth > 2 else None,
            }
        )
    return links


def _is_current(link, page):
    if "page_id" not in link or not isinstance(page, Page):
        return False
    return page.pk == link["page_id"] or bool(link["path"] and page.path.startswith(link["path"]))


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    links = cached_fragment(
        request,
        "main-menu",
        [getattr(site, "pk", None), translation.get_language()],
        lambda: _menu_links(request),
    )
    current = context.get("page")
    return {"items": [{**link, "is_current": _is_current(link, current)} for link in links]}


def _footer_html():
    """The footer's rich text in the reader's language, links expanded (they may name pages)."""
    footer = SiteFooter.objects.for_active_locale()
    if footer is None:
        return None
    return {
        field: richtext(getattr(footer, field)) if getattr(footer, field) else ""
        for field in ("opening_hours", "footer_text")
    }


@register.inclusion_tag("components/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request is not None else None
    return {
        "footer": cached_fragment(
            request, "footer", [getattr(site, "pk", None), translation.get_language()], _footer_html
        ),
        "settings": context.get("settings"),
        "request": request,
    }


def _trail(page, request):
    """(depth, url, title) of the page's ancestors below the root, the home page first."""
    return [
        (ancestor.depth, ancestor.get_url(request), ancestor.title)
        for ancestor in page.get_ancestors()
        if ancestor.depth > 1
    ]


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The ancestors the breadcrumbs show, cached per page until content changes (a preview,
    perhaps of a moved page, is not)."""
    page, request = context.get("page"), context.get("request")
    if not isinstance(page, Page):
        return []
    if page.pk is None or getattr(request, "is_preview", False):
        return _trail(page, request)
    site = Site.find_for_request(request) if request is not None else None
    return cached_fragment(
        request,
        "breadcrumbs",
        [getattr(site, "pk", None), page.pk],
        lambda: _trail(page, request),
    )
