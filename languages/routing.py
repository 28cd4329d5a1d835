"""Routing starts from the site's home page in the reader's language, found once per content
version, as is the site itself (`site_for_request`).

Wagtail routes each request from `site.root_page.localized.specific`: the root page's row,
then its translation in the active language, then that page's own row. Every language but the
root page's own paid one query more (issue 17: each English page ran one query more than its
French version). The localized root's id and type are kept in the fragment cache under the
content version (saving, publishing or moving any page moves it on), so routing starts with
one query, the localized root's own row, in every language.

Below the root, Wagtail reads two rows per level (the child by slug, then its specific row).
`route_down` reads the base rows of the whole path in one query, by `url_path`, then the
last page's specific row, and hands over to a page's own `route` wherever a page routes by
rules of its own (a routable page's own routes): the same result in two queries whatever the
depth. Each process then remembers, under the content version, which page each path reached
(pagecache.fragments.local_fragment): the next request for it reads that page's row alone.
Only paths that lead to a page are remembered, by the part the tree consumed, so a made-up
address below a routable page adds nothing.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from pagecache.fragments import cached_fragment, local_fragment, remember_local_fragment


def site_for_request(request):
    """Wagtail's `Site.find_for_request`, its answer kept in the fragment cache per host and
    port (saving a Site moves the content version on): one query fewer on every page. Set
    where Wagtail looks for it, so every later `find_for_request` of the request reuses it."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail reads it
        port = request.get_port()
        request._wagtail_site = cached_fragment(
            request, "site", [hostname, port], lambda: Site._find_for_request(request)
        )
    return request._wagtail_site


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


def _passes_to_child(page, remaining):
    """Whether `page.route(request, remaining)` would look for a child by slug: Wagtail's own
    `route` always does; a routable page does unless one of its own routes takes the path."""
    model = page.specific_class
    if model is None:
        return False
    if model.route is Page.route:
        return True
    if model.route is RoutablePageMixin.route:
        if not page.live:
            return True
        try:
            model.get_resolver().resolve("/" + "".join(f"{slug}/" for slug in remaining))
        except Http404:
            return True
    return False


def _descend(root, components):
    """The page the tree leads `components` to from `root`, as Wagtail's routing hands them
    down, as its specific type, and the components left for that page's own `route`."""
    if not components or not _passes_to_child(root, components):
        return root, components
    prefixes = [
        root.url_path + "".join(f"{slug}/" for slug in components[: index + 1])
        for index in range(len(components))
    ]
    # By slug, which is indexed (url_path is not, and a path LIKE scans the table); the
    # site root's tree path keeps pages of another tree out.
    on_the_path = {
        page.url_path: page
        for page in Page.objects.filter(slug__in=set(components), url_path__in=prefixes)
        if page.path.startswith(root.path) and page.depth > root.depth
    }
    parent = root
    for index, prefix in enumerate(prefixes):
        page = on_the_path.get(prefix)
        if page is None:
            raise Http404
        page._cached_parent_obj = parent  # as Wagtail's route does: get_parent() is free
        remaining = components[index + 1 :]
        if not remaining or not _passes_to_child(page, remaining):
            return page.specific, remaining
        parent = page
    raise Http404  # not reached: the last prefix returns above


def route_down(request, root, components):
    """`root.route(request, components)`, with the pages of the path read in one query."""
    page, remaining = _descend(root, components)
    return page.route(request, remaining)


def _remembered_start(request, site, components):
    """The deepest page of `components` this process has already reached, under the current
    content version, as its specific type, and the components below it; else the localized
    root and all of them. One query (that page's row) instead of three."""
    language = translation.get_language()
    for length in range(len(components), 0, -1):
        found = local_fragment(request, "route", [site.pk, language, *components[:length]])
        if found is None:
            continue
        pk, content_type_id = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=pk).first() if model is not None else None
        if page is not None:  # else deleted meanwhile, before the version moved on
            return page, components[length:]
    return localized_root(request, site), components


def _route(request, site, components):
    start, below = _remembered_start(request, site, components)
    page, remaining = _descend(start, below)
    if page is not start:  # a page reached by the tree: remember the way to it
        reached = components[: len(components) - len(remaining)]
        key = [site.pk, translation.get_language(), *reached]
        remember_local_fragment(request, "route", key, (page.pk, page.content_type_id))
    return page.route(request, remaining)


def route_for_request(request, path):
    """Wagtail's `Page.route_for_request`, starting from the deepest page of the path this
    process has reached before, else from `localized_root` (same result, remembered on the
    request the same way)."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            site = site_for_request(request)
            if site:
                components = [component for component in path.split("/") if component]
                request._wagtail_route_for_request = _route(request, site, components)
            else:
                request._wagtail_route_for_request = None
        except Http404:
            request._wagtail_route_for_request = None
    return request._wagtail_route_for_request


def install():
    Page.route_for_request = staticmethod(route_for_request)
