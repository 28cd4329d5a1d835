"""Background work of the directory: placing a stored listing on the map."""

from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from taskqueue.retry import retry_on

from .geocoding import GeocoderUnavailable, geocode, provider


def wants_geocoding(page):
    """Whether a page without coordinates has an address the configured geocoder can read."""
    return (
        bool(provider()) and getattr(page, "latitude", 0) is None and bool(page.geocoding_query())
    )


def geocode_after_commit(page):
    """Queue the geocoding of `page` once the transaction that stored it commits."""
    if wants_geocoding(page):
        transaction.on_commit(lambda: geocode_page.enqueue(page.pk))


@task(takes_context=True)
@retry_on(GeocoderUnavailable, max_attempts=6, base_delay=60)
def geocode_page(context, page_id):
    """Fill in the coordinates of a page's latest revision (a draft in moderation, or the
    live page) from its address, unless someone has placed it meanwhile."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return "gone"
    page = page.specific
    draft = page.get_latest_revision_as_object()
    if not wants_geocoding(draft):
        return "nothing to do"
    point = geocode(draft.geocoding_query(), getattr(draft, "country", ""))
    if point is None:
        return "not found"
    with transaction.atomic():
        # Read again under a lock: a pin the partner placed while the geocoder answered wins,
        # and their other changes are not undone by saving the revision read before.
        page = Page.objects.select_for_update().get(pk=page_id).specific
        draft = page.get_latest_revision_as_object()
        if not wants_geocoding(draft):
            return "placed meanwhile"
        draft.latitude, draft.longitude = point
        up_to_date = page.live and not page.has_unpublished_changes
        revision = draft.save_revision(log_action=True, clean=False)
        if up_to_date:  # nothing waits for moderation: the coordinates go live at once
            revision.publish()
    return "placed"
