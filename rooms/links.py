"""The requester's private status link: signed, expiring and revocable.

The same mechanism as the partners' links (`submissions.links`): the token signs
"<request id>.<nonce>" with a salt of its own and expires after PORTAL_ROOM_LINK_DAYS (180 by
default, a hire is often booked months ahead); rotating the request's nonce revokes every
link sent before. The signed value is re-encoded in URL-safe base64 because Wagtail serves
only paths made of letters, digits, "-" and "_".
"""

import base64
import binascii

from django.conf import settings
from django.core import signing

from submissions.links import LinkError

SALT = "rooms.request-link"

__all__ = ["LinkError", "make_token", "read_token", "status_path", "status_url"]


def max_age():
    return getattr(settings, "PORTAL_ROOM_LINK_DAYS", 180) * 24 * 3600


def make_token(hire):
    signed = signing.TimestampSigner(salt=SALT).sign(f"{hire.pk}.{hire.link_nonce}")
    return base64.urlsafe_b64encode(signed.encode()).decode().rstrip("=")


def read_token(token):
    """The request the token opens, or LinkError ("expired", "invalid" or "revoked")."""
    from .models import RoomRequest

    try:
        signed = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        value = signing.TimestampSigner(salt=SALT).unsign(signed, max_age=max_age())
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except (signing.BadSignature, ValueError, binascii.Error):
        raise LinkError("invalid") from None
    pk, _sep, nonce = value.partition(".")
    hire = (
        RoomRequest.objects.select_related("room").filter(pk=pk).first() if pk.isdigit() else None
    )
    if hire is None:
        raise LinkError("invalid")
    if hire.link_nonce != nonce:
        raise LinkError("revoked")
    return hire


def index_for(language):
    from .models import RoomsIndexPage

    return RoomsIndexPage.objects.live().filter(locale__language_code=language).first()


def status_path(hire, language=None):
    """The status page under the rooms index in the requester's language (or any)."""
    from .models import RoomsIndexPage

    index = index_for(language or hire.language) or RoomsIndexPage.objects.live().first()
    if index is None:
        return ""
    _site, _root, page_path = index.get_url_parts()
    return page_path + index.reverse_subpage("status", args=(make_token(hire),))


def status_url(hire, language=None):
    path = status_path(hire, language)
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path if path else ""
