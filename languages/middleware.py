"""Django's locale middleware, except that a response may keep its path (see below)."""

from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's, except that a response may opt out of the 404 -> /<lang>/... redirect.

    Wagtail's catch-all page route makes every prefixed path look valid, so Django would turn
    any 404 outside the language prefix (an API's "no such entry") into a redirect to a page
    that does not exist either. Views outside the prefix set `response.keep_path = True`.
    """

    def process_response(self, request, response):
        if getattr(response, "keep_path", False):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
