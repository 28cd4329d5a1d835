"""Pages behind a private link (a partner's status page, a room request, a cancel link, a
room's calendar): never stored by a cache, never indexed, the token never sent elsewhere.

Every view that reads a token wraps itself in `private_page`, so its answers carry the same
headers whatever they are: the page, a refused link (403), an unknown one (404), a redirect.
The page cache (pagecache) never stores a response marked "private" or "no-store".
"""

import functools

from django.http import Http404
from django.views.defaults import page_not_found

PRIVATE_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Robots-Tag": "noindex",
    # "no-referrer" would send "Origin: null" with the page's own forms.
    "Referrer-Policy": "same-origin",
}


def mark_private(response):
    for name, value in PRIVATE_HEADERS.items():
        response[name] = value
    return response


def private_page(view):
    """Mark every answer of `view` private, its "not found" page included."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            response = view(request, *args, **kwargs)
        except Http404 as error:
            response = page_not_found(request, error)
        return mark_private(response)

    return wrapped
