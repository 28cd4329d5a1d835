"""The requester's private status link: signed, expiring (PORTAL_ROOM_LINK_DAYS, 180 by
default: a hire is often booked months ahead) and revocable by rotating the request's nonce
(see publicforms.links). It opens a route of the rooms index page."""

from django.apps import apps
from django.conf import settings

from publicforms.links import PrivateLink

from .hires import RoomRequest

REQUEST_LINK = PrivateLink(
    salt="rooms.request-link",
    days_setting="PORTAL_ROOM_LINK_DAYS",
    default_days=180,
    in_page_route=True,
)


def make_token(hire):
    return REQUEST_LINK.make_token(hire)


def read_token(token):
    """The request the token opens, or publicforms.links.LinkError."""
    return REQUEST_LINK.read_token(token, RoomRequest.objects.select_related("room"))


def status_path(hire, language=None):
    """The status page under the rooms index in the requester's language (or any)."""
    # Named, as Wagtail names page types: the index page serves this module's links.
    index_model = apps.get_model("rooms", "RoomsIndexPage")
    indexes = index_model.objects.live()
    language = language or hire.language
    index = indexes.filter(locale__language_code=language).first() or indexes.first()
    if index is None:
        return ""
    _site, _root, page_path = index.get_url_parts()
    return page_path + index.reverse_subpage("status", args=(make_token(hire),))


def status_url(hire, language=None):
    path = status_path(hire, language)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path if path else ""
