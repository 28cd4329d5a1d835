"""The middleware that serves anonymous visitors from the page cache.

Festival week means many readers and few writers. Each cached page is keyed by the content
version (pagecache.version), so an edit is visible at once without tracking which page shows
what (a directory entry on the home page, an event in the programme, a search promotion).
Never cached: signed-in users and anyone with a session (a private page's password form),
anything that set a cookie or used the CSRF token (every page with a form), responses marked
private or no-store (pages behind a private link), errors and redirects (a private page sends
anonymous readers to the login page).
"""

import logging

from django.conf import settings
from django.core.cache import cache

from .version import content_version

logger = logging.getLogger(__name__)


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
        try:
            key = f"page:{content_version()}:{request.get_host()}:{request.get_full_path()}"
            cached = cache.get(key)
        except Exception:  # the cache server is down: serve the page, uncached
            logger.warning("Page cache unavailable", exc_info=True)
            return self.get_response(request)
        if cached is not None:
            cached["X-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if _is_cacheable_response(request, response):
            if hasattr(response, "render") and callable(response.render):
                response.render()
            try:
                cache.set(key, response, settings.PORTAL_PAGE_CACHE_SECONDS)
            except Exception:
                logger.warning("Page cache unavailable", exc_info=True)
            else:
                response["X-Cache"] = "miss"
        return response
