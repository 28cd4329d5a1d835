"""Routing starts from the site's home page in the reader's language, found once per content
version.

Wagtail routes each request from `site.root_page.localized.specific`: the root page's row,
then its translation in the active language, then that page's own row. Every language but the
root page's own paid one query more (issue 17: each English page ran one query more than its
French version). The localized root's id and type are kept in the fragment cache under the
content version (saving, publishing or moving any page moves it on), so routing starts with
one query, the localized root's own row, in every language.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.utils import translation
from wagtail.models import Page, Site

from pagecache.fragments import cached_fragment


def _localized_root_reference(site):
    root = site.root_page.localized  # Wagtail's rule: the live translation, else the root
    return root.pk, root.content_type_id


def localized_root(request, site):
    """The site's root page in the active language, as its specific type."""
    pk, content_type_id = cached_fragment(
        request,
        "localized-root",
        [site.pk, translation.get_language()],
        lambda: _localized_root_reference(site),
    )
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    page = model.objects.filter(pk=pk).first() if model is not None else None
    return page if page is not None else site.root_page.localized.specific


def route_for_request(request, path):
    """Wagtail's `Page.route_for_request`, starting from `localized_root` (same result,
    remembered on the request the same way)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            site = Site.find_for_request(request)
            if site:
                components = [component for component in path.split("/") if component]
                request._wagtail_route_for_request = localized_root(request, site).route(
                    request, components
                )
            else:
                request._wagtail_route_for_request = None
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def install():
    Page.route_for_request = staticmethod(route_for_request)
