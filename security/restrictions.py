"""Page view restrictions read once per request.

Wagtail reads every PageViewRestriction each time a listing calls `.public()` (three times on
the home page), and two more queries per page served to find the restrictions above it. The
restrictions are read once per request (pagecache.requestmemo); when there is none, as on most
sites most of the time, no page can be restricted and the per-page lookup is skipped.
"""

from django.db.models import Q
from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet

from pagecache.requestmemo import remembered

_uncached_get_view_restrictions = Page.get_view_restrictions


def all_restrictions():
    # Their pages in a second query, made only when there is a restriction, rather than a
    # join: on SQLite with table statistics (portal.database), a join with the empty table
    # made the planner read every page to find none.
    return remembered(
        "page-view-restrictions",
        lambda: list(PageViewRestriction.objects.prefetch_related("page")),
    )


def private_q(queryset):
    """Wagtail's `PageQuerySet.private_q`, from the restrictions read once per request."""
    q = Q()
    for restriction in all_restrictions():
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])  # matches no page when nothing is private


def get_view_restrictions(page):
    """Wagtail's `Page.get_view_restrictions`, without a query when nothing is restricted."""
    if not all_restrictions():
        return PageViewRestriction.objects.none()
    return _uncached_get_view_restrictions(page)


def install():
    PageQuerySet.private_q = private_q
    Page.get_view_restrictions = get_view_restrictions
