"""A whole-page cache for anonymous visitors, dropped as soon as content changes.

Festival week means many readers and few writers. Every cached page is keyed by a content
version; publishing, unpublishing, moving or deleting a page, or saving any snippet,
setting or site, moves the version on, so an edit is visible at once without tracking which
page shows what (a directory entry on the home page, an event in the programme...).
Responses that carry per-visitor state are never cached: anything that set a cookie or used
the CSRF token (every page with a form), private responses, errors, signed-in users.
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

VERSION_KEY = "portal:content-version"
# Apps whose models appear on public pages; saving any of their rows invalidates the cache.
CONTENT_APPS = {"home", "directory", "programme", "news", "wagtailcore", "wagtailimages"}


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, timeout=None)
        version = cache.get(VERSION_KEY, version)
    return version


def invalidate(**kwargs):
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def _invalidate_on_content_save(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS:
        invalidate()


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{signal!r}")
    post_save.connect(_invalidate_on_content_save, dispatch_uid="page-cache-save")
    post_delete.connect(_invalidate_on_content_save, dispatch_uid="page-cache-delete")


def _is_cacheable_request(request):
    return (
        settings.PORTAL_PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.path.startswith(f"/{settings.PORTAL_ADMIN_PATH}")
    )


def _is_cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # get_token() was called
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)
        key = f"page:{content_version()}:{request.get_host()}:{request.get_full_path()}"
        cached = cache.get(key)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _is_cacheable_response(request, response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            cache.set(key, response, settings.PORTAL_PAGE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        return response
