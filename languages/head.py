"""The canonical link and the hreflang alternates of a page's <head>, which must agree.

The rule, from what search engines document:
- hreflang alternates name canonical URLs only, and each version lists itself among them
  (Google, "Tell Google about localized versions of your page"): so the alternate in the
  page's own language is exactly its canonical URL, and every version carries the same query.
- A page of a paginated listing is its own canonical (Google, "Pagination and incremental page
  loading": do not canonicalise page 2 onto page 1), so `?page=N` is kept, in every language.
- A filtered, sorted or searched view (`?type=…`, programme filters, `?q=…`, tracking
  parameters) repeats entries its listing already has: its canonical is the unfiltered listing
  (Google's faceted-navigation guidance), and its alternates are the unfiltered translations.
  Filter values may be translated slugs, so they could not be carried to another language.
  No `noindex` is added: Google calls canonical + noindex contradictory signals.
Every URL is on the one configured origin (languages.origin), whatever host the request used.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from .i18n import x_default_link
from .origin import origin

PAGINATION_PARAMETER = "page"


@dataclass(frozen=True)
class HeadLinks:
    canonical: str
    # (hreflang, absolute URL), the page's own language included, x-default last.
    alternates: tuple


def canonical_query(query):
    """`?page=N` when the request asks only for page N > 1 of a listing, else ''."""
    if set(query) != {PAGINATION_PARAMETER}:
        return ""
    values = query.getlist(PAGINATION_PARAMETER)
    if len(values) != 1 or not values[0].isascii() or not values[0].isdigit():
        return ""
    number = int(values[0])
    return f"?{PAGINATION_PARAMETER}={number}" if number > 1 else ""


def _absolute(url, suffix, query):
    """`url`'s path on the configured origin (another site's origin kept), plus the route
    below the page (`suffix`) and the canonical query."""
    parts = urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}" if parts.netloc else origin()
    return base + parts.path + suffix + query


def head_links(request, links):
    """Canonical and alternates for `request`, from its language links (languages.i18n).

    A routable page's sub-route (a partner form under its index page) exists under every
    language's version of the page, so the part of the path below the page is carried over.
    """
    query = canonical_query(request.GET)
    current = next((link for link in links if link.is_current and link.is_exact), None)
    if current is None:  # no version in the active language: nothing to pair with
        return HeadLinks(_absolute(request.path, "", query), ())
    page_path = urlsplit(current.url).path
    suffix = request.path[len(page_path) :] if request.path.startswith(page_path) else ""
    alternates = [
        (link.code, _absolute(link.url, suffix, query)) for link in links if link.is_exact
    ]
    default = x_default_link(links)
    if default is not None:
        alternates.append(("x-default", _absolute(default.url, suffix, query)))
    return HeadLinks(_absolute(current.url, suffix, query), tuple(alternates))
